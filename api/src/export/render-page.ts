import type { Browser, Page } from 'playwright-core';
import { ExportError } from './export-error';
import { parseCookieHeader, type ExportCredentials, type ExportFormat } from './export-request';

export interface RenderRequest {
  pageUrl: URL;
  format: ExportFormat;
  credentials: ExportCredentials;
  timeoutMs: number;
}

/** The screen width the PNG is taken at (the dashboard's desktop layout). */
export const exportViewport = { width: 1280, height: 900 };

/**
 * Opens one page of the app as the caller and prints it (PDF, print layout) or photographs it
 * (PNG, full page). Requests to any other origin are refused: the page needs nothing else, and
 * the caller's credentials must never leave for another host.
 */
export async function renderPage(browser: Browser, request: RenderRequest): Promise<Buffer> {
  const origin = request.pageUrl.origin;
  const context = await browser.newContext({
    viewport: exportViewport,
    deviceScaleFactor: 1,
    colorScheme: 'light',
    reducedMotion: 'reduce',
    extraHTTPHeaders:
      request.credentials.authorization === undefined
        ? {}
        : { Authorization: request.credentials.authorization },
  });
  try {
    await context.route(
      (url) => url.origin !== origin,
      (route) => route.abort('blockedbyclient'),
    );
    const cookies = parseCookieHeader(request.credentials.cookie);
    if (cookies.length > 0)
      await context.addCookies(cookies.map((cookie) => ({ ...cookie, url: origin })));
    const page = await context.newPage();
    page.setDefaultTimeout(request.timeoutMs);
    const response = await page.goto(request.pageUrl.href, { waitUntil: 'load' });
    if (response === null || !response.ok())
      throw new ExportError(
        'web_app_unavailable',
        `The web app is not served at ${origin} (answered ${response?.status() ?? 'nothing'}); exports render the built app`,
      );
    await waitUntilSettled(page, request.pageUrl.pathname, request.timeoutMs);
    if (request.format === 'pdf') {
      await page.emulateMedia({ media: 'print' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' },
      });
    }
    return await page.screenshot({ type: 'png', fullPage: true });
  } finally {
    await context.close();
  }
}

/**
 * Waits until the page has its heading and no loading placeholder (role `progressbar`) is left:
 * the lazy chart modules have loaded and every query has answered. A page that navigates away
 * (a sign-in redirect) is an error rather than a picture of the sign-in form.
 */
async function waitUntilSettled(page: Page, pathname: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // Locators, not page-side functions: the app's CSP forbids evaluating strings in the page.
  const loading = page.locator('[role="progressbar"], [aria-busy="true"]');
  try {
    await page.locator('main h1').first().waitFor({ state: 'visible', timeout: timeoutMs });
    while (new URL(page.url()).pathname === pathname && (await loading.count()) > 0) {
      if (Date.now() > deadline) throw new Error('placeholders still loading');
      await page.waitForTimeout(100);
    }
  } catch (error) {
    throw new ExportError(
      'render_timeout',
      `The page did not finish loading within ${timeoutMs} ms: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
  }
  const landed = new URL(page.url()).pathname;
  if (landed !== pathname)
    throw new ExportError(
      'page_not_rendered',
      `The page sent the export to ${landed} instead of rendering (are the credentials valid?)`,
    );
}
