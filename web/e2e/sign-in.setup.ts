import { expect, test as setup } from '@playwright/test';
import { e2eAdmin, signedInStatePath } from './e2e-admin';

/** Signs in once through the real sign-in page; the other tests start from this session. */
setup('sign in as the admin created from ADMIN_EMAIL', async ({ page }) => {
  await page.goto('/overview');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Foverview/);
  await page.getByLabel('E-mail').fill(e2eAdmin.email);
  await page.getByLabel('Password').fill(e2eAdmin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/overview/);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.context().storageState({ path: signedInStatePath() });
});
