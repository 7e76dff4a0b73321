import { test, expect } from '@playwright/test';
import { expectAccessible, loginInBrowser, practice, screenshot } from './support';

test('the app is served on the API origin, a client route falls back to the app, and a practice logs in to its week', async ({ page }) => {
  const p = await practice('smoke');
  const deep = await page.request.get('/rooms');
  expect(deep.status()).toBe(200);
  expect(deep.headers()['content-security-policy']).toContain("script-src 'self'");
  expect((await page.request.get('/v1/nope')).status()).toBe(404);

  await page.goto('/calendar');
  await expect(page).toHaveURL(/\/login$/);
  await expectAccessible(page, 'login');
  await screenshot(page, 'login');
  await loginInBrowser(page, p.email);
  await expect(page.getByText('Zeitzone der Praxis: Europe/Berlin')).toBeVisible();
  await expect(page.locator('.fc-timegrid')).toBeVisible();
  await expectAccessible(page, 'calendar');

  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/calendar');
  await expect(page).toHaveURL(/\/login$/);
});
