import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { e2eAdmin } from './e2e-admin';

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('the api refuses data without a session, and the app asks to sign in', async ({
    page,
    request,
  }) => {
    expect((await request.get('/api/rework')).status()).toBe(401);
    await page.goto('/rework');
    await expect(page.getByRole('heading', { name: /sign in to rework radar/i })).toBeVisible();
  });

  test('the sign-in page has no serious accessibility violations', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    const serious = results.violations.filter(
      (violation) => violation.impact === 'serious' || violation.impact === 'critical',
    );
    expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    await page.screenshot({ path: 'test-results/screenshots/sign-in.png' });
  });

  test('a wrong password is refused on the page, the right one gets in', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('E-mail').fill(e2eAdmin.email);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('The e-mail or the password is wrong.');
    await page.getByLabel('Password').fill(e2eAdmin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/overview/);
    const cookie = (await page.context().cookies()).find((item) => item.name === 'rr_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });
});

test('signing out ends the session in the browser and on the server', async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(e2eAdmin.email);
  await page.getByLabel('Password').fill(e2eAdmin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await page.request.get('/api/auth/me')).status()).toBe(401);
  await context.close();
});
