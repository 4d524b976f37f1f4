import { expect, test } from '@playwright/test';

test('the health page shows the embedded database, migrated, from the real api', async ({
  page,
}) => {
  // The root opens the overview; health has its own address and navigation link.
  await page.goto('/health');
  const facts = page.getByRole('region', { name: 'System health' });
  await expect(facts.getByRole('status')).toHaveText('Healthy');
  await expect(facts.getByText('Embedded PostgreSQL')).toBeVisible();
  await expect(facts.getByText(/^PostgreSQL \d+/)).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Health check round trip' })).toBeVisible();
  // With nothing configured the app runs the demo organisation, and says so.
  await expect(page.getByRole('complementary', { name: 'Demo data' })).toContainText(
    'generated organisation',
  );
  await page.screenshot({ path: 'test-results/screenshots/health.png', fullPage: true });
});

test('the api documents itself at /api/docs', async ({ page }) => {
  await page.goto('/api/docs');
  await expect(page.getByText('Rework Radar API')).toBeVisible();
  await expect(page.getByText('/api/health')).toBeVisible();
});
