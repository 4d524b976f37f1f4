import { execFileSync } from 'node:child_process';
import type { Server } from 'node:http';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { apiErrorSchema } from '@rework-radar/shared';
import request from 'supertest';
import { startTestApp } from '../testing/test-app';
import { bearerHeaders } from '../testing/test-auth';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { exportViewport } from './render-page';

/**
 * The real thing: the api listens on a loopback port with the built web app, and the export
 * opens its own quarterly page in /usr/bin/chromium. Needs `npx turbo run build` (web/dist).
 */
const webDist = resolve(__dirname, '..', '..', '..', 'web', 'dist');

function binary(response: request.Response): Buffer {
  return response.body as Buffer;
}

describe('GET /api/export/quarterly.pdf|png', () => {
  let database: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    if (!existsSync(join(webDist, 'index.html')))
      throw new Error(`no built web app at ${webDist}: run npx turbo run build first`);
    database = await createTestDatabase();
    app = await startTestApp(database.url, { WEB_DIST_DIR: webDist });
    await app.listen(0, '127.0.0.1');
  }, 60_000);

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('prints the quarterly page to a multi-page PDF in its print layout', async () => {
    const response = await request(app.getHttpServer() as Server)
      .get('/api/export/quarterly.pdf?quarter=2026-Q1')
      .set(await bearerHeaders(app, 'director'))
      .responseType('blob');
    expect([response.status, response.status === 200 ? '' : binary(response).toString()]).toEqual([
      200,
      '',
    ]);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="quarterly-2026-Q1.pdf"',
    );
    const pdf = binary(response);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = join(mkdtempSync(join(tmpdir(), 'rr-export-')), 'quarterly.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(1);
    // A4 portrait, in points.
    expect(info).toMatch(/Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Quarterly review 2026 Q1');
    expect(text).toContain('Four quarters');
    // Only rendered once GET /api/quarterly answered: the page used the caller's credentials.
    expect(text).toContain('Quarter over quarter');
    // The print layout hides the buttons.
    expect(text).not.toContain('Export PDF');
  }, 90_000);

  it('photographs the whole page as a PNG at the desktop width', async () => {
    const response = await request(app.getHttpServer() as Server)
      .get('/api/export/quarterly.png?quarter=2026-Q1')
      .set(await bearerHeaders(app, 'director'))
      .responseType('blob');
    expect([response.status, response.status === 200 ? '' : binary(response).toString()]).toEqual([
      200,
      '',
    ]);
    expect(response.headers['content-type']).toBe('image/png');
    const png = binary(response);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(exportViewport.width);
    // Full page: at least the window, and the page is taller than one screen.
    expect(png.readUInt32BE(20)).toBeGreaterThan(exportViewport.height);
  }, 90_000);

  it('refuses a malformed scope before starting a browser', async () => {
    const response = await request(app.getHttpServer() as Server)
      .get('/api/export/quarterly.pdf?quarter=2026-Q9')
      .set(await bearerHeaders(app))
      .expect(400);
    expect(apiErrorSchema.parse(response.body).code).toBe('invalid_input');
  });
});

describe('GET /api/export/quarterly.pdf without Chromium', () => {
  let database: TestDatabase;
  let app: INestApplication;
  const previous = process.env.CHROMIUM_PATH;

  beforeAll(async () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    database = await createTestDatabase();
    app = await startTestApp(database.url, { WEB_DIST_DIR: webDist });
    await app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    if (previous === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = previous;
    await app.close();
    await database.drop();
  });

  it('answers 503 and says what is missing', async () => {
    const response = await request(app.getHttpServer() as Server)
      .get('/api/export/quarterly.pdf?quarter=2026-Q1')
      .set(await bearerHeaders(app))
      .expect(503);
    const error = apiErrorSchema.parse(response.body);
    expect(error.code).toBe('browser_unavailable');
    expect(error.message).toContain('/nonexistent/chromium');
  });
});
