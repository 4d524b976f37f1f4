import type { AddressInfo } from 'node:net';
import { HttpAdapterHost } from '@nestjs/core';
import { ExportBrowser } from './export-browser';
import { ExportError } from './export-error';
import {
  quarterlyPageUrl,
  type ExportCredentials,
  type ExportFormat,
  type QuarterlyExportQuery,
} from './export-request';
import type { ExportSettings } from './export-settings';
import { renderPage } from './render-page';

/** Renders at most this many pages at once: each is a Chromium renderer on a small machine. */
const maxConcurrentRenders = 2;

/** The quarterly page as PDF or PNG, rendered by headless Chromium from the app itself. */
export class QuarterlyExportService {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly browser: ExportBrowser,
    private readonly settings: ExportSettings,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  async render(
    query: QuarterlyExportQuery,
    format: ExportFormat,
    credentials: ExportCredentials,
  ): Promise<Buffer> {
    const pageUrl = quarterlyPageUrl(this.baseUrl(), query);
    const browser = await this.browser.get();
    await this.acquire();
    try {
      return await renderPage(browser, {
        pageUrl,
        format,
        credentials,
        timeoutMs: this.settings.timeoutMs,
      });
    } finally {
      this.release();
    }
  }

  /** This process serves the web app: Chromium opens it on the loopback port it listens on. */
  private baseUrl(): string {
    if (this.settings.baseUrl !== undefined) return this.settings.baseUrl;
    const server: unknown = this.adapterHost.httpAdapter.getHttpServer();
    const address =
      typeof server === 'object' && server !== null && 'address' in server
        ? (server as { address(): AddressInfo | string | null }).address()
        : null;
    if (address === null || typeof address === 'string')
      throw new ExportError(
        'web_app_unavailable',
        'The api is not listening on a TCP port, so Chromium cannot open the app (set EXPORT_BASE_URL)',
      );
    return `http://127.0.0.1:${address.port}`;
  }

  private acquire(): Promise<void> {
    if (this.running < maxConcurrentRenders) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter, so `running` stays counted.
    if (next !== undefined) next();
    else this.running -= 1;
  }
}
