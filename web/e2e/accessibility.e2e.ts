import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { waitForDemo } from './demo-ready';

const shots = 'test-results/screenshots';

test.beforeAll(async ({ request }) => {
  test.setTimeout(300_000);
  await waitForDemo(request);
});

/** Every view, as its main heading names it; the rework item is reached from the list. */
const views: { name: string; path: string; heading: RegExp }[] = [
  { name: 'overview', path: '/overview', heading: /Overview/ },
  { name: 'rework', path: '/rework', heading: /Rework/ },
  { name: 'review-calibration', path: '/review-calibration', heading: /Review calibration/ },
  { name: 'quarterly', path: '/quarterly', heading: /Quarterly review/ },
  { name: 'settings', path: '/settings', heading: /Settings/ },
  { name: 'health', path: '/health', heading: /health/i },
];

/** Lazy chart modules and every query have landed: no loading placeholder is left. */
async function settled(page: Page, heading: RegExp) {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.locator('[role="progressbar"], [aria-busy="true"]')).toHaveCount(0, {
    timeout: 20_000,
  });
}

/** Serious and critical violations only, each with where it is, so a failure says what to fix. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.impact ?? '?'} ${violation.id}: ${violation.help} at ${violation.nodes
          .slice(0, 5)
          .map((node) => node.target.join(' '))
          .join(
            ' | ',
          )}${violation.nodes.length > 5 ? ` (+${violation.nodes.length - 5} more)` : ''}`,
    );
}

for (const theme of ['light', 'dark'] as const) {
  for (const view of views) {
    test(`${view.name} (${theme} theme) has no serious accessibility violations`, async ({
      page,
    }) => {
      // With no choice stored, the app follows the system's colour scheme.
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(view.path);
      await settled(page, view.heading);
      await page.screenshot({ path: `${shots}/${view.name}-${theme}.png`, fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
}

test('a rework item has no serious accessibility violations', async ({ page }) => {
  await page.goto('/rework');
  const table = page.getByRole('table', { name: 'Rework items' });
  await table.getByRole('row').nth(1).getByRole('link').first().click();
  await expect(page.getByRole('list', { name: 'Evidence' })).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('[role="progressbar"], [aria-busy="true"]')).toHaveCount(0, {
    timeout: 20_000,
  });
  await page.screenshot({ path: `${shots}/rework-item-a11y.png`, fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
});
