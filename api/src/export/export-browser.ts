import { access, constants } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import type { Logger } from 'pino';
import { ExportError } from './export-error';

/** The same flags as the browser tests (web/playwright.config.ts): headless, offline, no sandbox. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * One headless Chromium per process, launched on the first export (most processes never export)
 * and relaunched after a crash. Each export gets its own context, so callers never share cookies.
 */
export class ExportBrowser {
  private browser: Promise<Browser> | undefined;

  constructor(
    private readonly executablePath: string,
    private readonly timeoutMs: number,
    private readonly logger: Logger,
  ) {}

  get(): Promise<Browser> {
    this.browser ??= this.launch().catch((error: unknown) => {
      // A failed launch is not remembered: installing Chromium must not need a restart.
      this.browser = undefined;
      throw error;
    });
    return this.browser;
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = undefined;
    if (browser === undefined) return;
    const running = await browser.catch(() => undefined);
    await running?.close();
  }

  private async launch(): Promise<Browser> {
    try {
      await access(this.executablePath, constants.X_OK);
    } catch {
      throw new ExportError(
        'browser_unavailable',
        `Exports need Chromium, and there is none at ${this.executablePath} (set CHROMIUM_PATH)`,
      );
    }
    const started = Date.now();
    let browser: Browser;
    try {
      browser = await chromium.launch({
        executablePath: this.executablePath,
        args: chromiumArgs,
        timeout: this.timeoutMs,
      });
    } catch (error) {
      throw new ExportError(
        'browser_unavailable',
        `Chromium at ${this.executablePath} did not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      );
    }
    browser.on('disconnected', () => {
      if (this.browser !== undefined) this.logger.warn('export browser disconnected');
      this.browser = undefined;
    });
    this.logger.info({ ms: Date.now() - started }, 'export browser launched');
    return browser;
  }
}
