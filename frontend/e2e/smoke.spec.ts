import { test, expect } from '@playwright/test';
import { PASSWORD, confirmationCode, expectAccessible, loginInBrowser, practice, screenshot, uniqueEmail } from './support';

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

test('a new practice signs up, confirms the e-mailed code and logs in', async ({ page }) => {
  const email = uniqueEmail('signup');
  await page.goto('/login');
  await page.getByRole('link', { name: 'Noch kein Konto? Registrieren' }).click();
  await page.getByLabel(/^Name der Praxis/).fill('Praxis Sonnenschein');
  await page.getByLabel(/^E-Mail/).fill(email);
  await page.getByLabel(/^Passwort/).fill(PASSWORD);
  await expectAccessible(page, 'signup');
  await page.getByRole('button', { name: 'Registrieren' }).click();
  await expect(page.getByRole('heading', { name: 'E-Mail bestätigen' })).toBeVisible();
  await expectAccessible(page, 'confirm');
  await page.getByLabel(/^Bestätigungscode/).fill('000000');
  await page.getByRole('button', { name: 'Bestätigen' }).click();
  await expect(page.getByRole('alert')).toHaveText('Der Code stimmt nicht.');
  await page.getByLabel(/^Bestätigungscode/).fill(await confirmationCode(email));
  await page.getByRole('button', { name: 'Bestätigen' }).click();
  await expect(page.getByText('Bestätigt. Sie können sich jetzt anmelden.')).toBeVisible();
  await expect(page.getByLabel(/^E-Mail/)).toHaveValue(email);
  await page.getByLabel(/^Passwort/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Kalender', level: 2 })).toBeVisible();
  await expect(page.getByTestId('practice-name')).toContainText('Praxis Sonnenschein');
  // tokens never reach localStorage; the refresh token lives in this tab's sessionStorage only
  const stored = await page.evaluate(() => ({ local: JSON.stringify(localStorage), session: Object.keys(sessionStorage) }));
  expect(stored.local).not.toMatch(/eyJ/);
  expect(stored.session).toEqual(['practicecal.refresh']);
  // a reload keeps the session (silent refresh from the refresh token)
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Kalender', level: 2 })).toBeVisible();
});
