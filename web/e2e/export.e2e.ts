import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { waitForDemo } from './demo-ready';

const shots = 'test-results/screenshots';

test.beforeAll(async ({ request }) => {
  test.setTimeout(300_000);
  await waitForDemo(request);
});

test('Export PDF downloads the server-rendered quarterly review: multi-page, with its charts', async ({
  page,
}) => {
  await page.goto('/quarterly');
  await expect(page.getByRole('heading', { name: 'Quarter over quarter' })).toBeVisible({
    timeout: 20_000,
  });
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('link', { name: 'Export PDF' }).click();
  const file = `${shots}/quarterly-export.pdf`;
  await (await download).saveAs(file);
  const pdf = readFileSync(file);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBeGreaterThanOrEqual(2);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  // The same page as on screen, signed in as the caller: deltas, then the four-quarter charts.
  expect(text).toContain('Quarter over quarter');
  expect(text).toContain('Four quarters');
  expect(text).toContain('Rework caused by missing context');
  // The charts are in it as vector drawings whose axis ticks are text: quarters on each x axis.
  expect(text.match(/\b\d{4}-Q[1-4]\b/g)?.length ?? 0).toBeGreaterThanOrEqual(8);
  // A picture of the charts page, kept with the run's screenshots.
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '50',
    '-f',
    '2',
    '-l',
    '2',
    file,
    `${shots}/quarterly-export-page`,
  ]);
});

test('Export PNG downloads the whole page at the desktop width', async ({ page }) => {
  await page.goto('/quarterly');
  await expect(page.getByRole('heading', { name: 'Quarter over quarter' })).toBeVisible({
    timeout: 20_000,
  });
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('link', { name: 'Export PNG' }).click();
  const file = `${shots}/quarterly-export.png`;
  await (await download).saveAs(file);
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(1280);
  expect(png.readUInt32BE(20)).toBeGreaterThan(900);
});
