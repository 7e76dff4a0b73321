import { test, expect, type Page } from '@playwright/test';
import { expectAccessible, practice } from './support';
import { staffMember } from './admin-support';

async function staffLogin(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel(/^Passwort/).fill('E2ePractice2026');
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

test('staff navigation follows GET /v1/me scopes: accounting lands on invoices, custom staff reach calendar and audit trail', async ({ page, browser }) => {
  const owner = await practice('scopes', 'XL');
  const accounting = await staffMember(owner, 'ACCOUNTING');
  await staffLogin(page, accounting.email);
  // accounting has no appointments scope: the start screen (calendar) sends them to invoices, not away
  await expect(page).toHaveURL(/\/invoices$/);
  await expect(page.getByRole('heading', { name: 'Rechnungen', level: 2 })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(nav.getByRole('link', { name: 'Rechnungen' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Kalender', exact: true })).toHaveCount(0);
  await expect(page.getByTestId('no-access')).toHaveCount(0);
  await page.goto('/calendar');
  await expect(page).toHaveURL(/\/invoices$/);
  await expectAccessible(page, 'accounting staff');

  const custom = await staffMember(owner, 'CUSTOM', ['appointments', 'audit']);
  const context = await browser.newContext();
  const other = await context.newPage();
  await staffLogin(other, custom.email);
  await expect(other.getByRole('heading', { name: 'Kalender', level: 2 })).toBeVisible();
  const otherNav = other.getByRole('navigation', { name: 'Hauptnavigation' });
  await otherNav.getByRole('link', { name: 'Protokoll' }).click();
  await expect(other).toHaveURL(/\/audit$/);
  await expect(other.getByRole('heading', { name: 'Protokoll', level: 2 })).toBeVisible();
  await expect(otherNav.getByRole('link', { name: 'Rechnungen' })).toHaveCount(0);
  await other.goto('/invoices');
  await expect(other).toHaveURL(/\/calendar$/);
  await context.close();
});
