import { test, expect } from '@playwright/test';
import { apiCall, berlin, cognitoLogin, createRoom, expectAccessible, gotoWeek, loginInBrowser, nextMonday, PASSWORD, practice, screenshot, setPermanentPassword, uniqueEmail } from './support';
import { book, freshPage } from './admin-support';

test('online-booking settings: several intervals a day, copied to the week, a service, rules and caps are saved', async ({ page }) => {
  const p = await practice('settings');
  await loginInBrowser(page, p.email);
  await page.getByRole('link', { name: 'Online-Buchung', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Online-Buchung', level: 2 })).toBeVisible();
  const monday = page.getByTestId('day-MONDAY');
  await monday.getByRole('button', { name: 'Zeitfenster hinzufügen: Montag' }).click();
  await monday.getByRole('button', { name: 'Zeitfenster hinzufügen: Montag' }).click();
  await expect(page.getByLabel('Montag, Zeitfenster 1: von')).toHaveValue('09:00');
  await expect(page.getByLabel('Montag, Zeitfenster 2: von')).toHaveValue('13:00');
  // an overlap is named at the interval and nothing is saved
  await page.getByLabel('Montag, Zeitfenster 2: von').fill('11:00');
  await expect(monday.getByText('Überschneidet sich mit einem anderen Zeitfenster.').first()).toBeVisible();
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Bitte korrigieren Sie die markierten Arbeitszeiten.' })).toBeVisible();
  expect((await apiCall(p.token, 'GET', '/v1/settings/booking')).body?.workingHours?.MONDAY).toBeUndefined();
  await page.getByLabel('Montag, Zeitfenster 2: von').fill('13:30');
  await page.getByLabel('Montag, Zeitfenster 2: bis').fill('17:00');
  await page.getByRole('button', { name: 'Zeiten von Montag auf Montag bis Freitag übertragen' }).click();
  await expect(page.getByLabel('Freitag, Zeitfenster 2: bis')).toHaveValue('17:00');

  await page.getByRole('button', { name: 'Leistung hinzufügen' }).click();
  const service = page.getByTestId('service');
  await service.getByLabel(/^Name der Leistung/).fill('Erstgespräch');
  await service.getByLabel('Puffer nachher (Minuten)').fill('10');
  await page.getByLabel('Mindestvorlauf (Minuten)').fill('120');
  await page.getByLabel('Online-Buchungen pro Tag (höchstens)').fill('5');
  await page.getByLabel('Künftige Termine je Klienty-E-Mail (höchstens)').fill('2');
  await expectAccessible(page, 'booking settings');
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Gespeichert.' })).toBeVisible();
  await expect(page.getByTestId('public-link')).toContainText(`/book/${p.accountId}?service=erstgesprach`);
  await screenshot(page, 'booking-settings');

  const saved = (await apiCall(p.token, 'GET', '/v1/settings/booking')).body;
  const hhmm = (list: { from: string; to: string }[]) => list.map((iv) => `${iv.from.slice(0, 5)}-${iv.to.slice(0, 5)}`);
  expect(hhmm(saved.workingHours.MONDAY)).toEqual(['09:00-12:00', '13:30-17:00']);
  expect(saved.workingHours.FRIDAY).toEqual(saved.workingHours.MONDAY);
  expect(saved.workingHours.SATURDAY).toBeUndefined();
  expect(saved.services).toEqual([expect.objectContaining({ id: 'erstgesprach', name: 'Erstgespräch', durationMinutes: 50, bufferAfterMinutes: 10 })]);
  expect(saved).toEqual(expect.objectContaining({ minimumNoticeMinutes: 120, maxOnlineBookingsPerDay: 5, maxFutureBookingsPerClient: 2 }));

  // after a reload the form shows what the API holds
  await page.reload();
  await expect(page.getByLabel('Mittwoch, Zeitfenster 2: von')).toHaveValue('13:30');
  await expect(page.getByLabel('Online-Buchungen pro Tag (höchstens)')).toHaveValue('5');
});

test('grants: offered by an L practice, accepted by the colleague, who sees "Erika M." and no contact data', async ({ page, browser }) => {
  const owner = await practice('grantor', 'L', 'Praxis Linde');
  const colleague = await practice('grantee', 'M', 'Praxis Ahorn');
  const roomId = await createRoom(owner, 'Raum Eiche');
  const monday = nextMonday();
  await book(owner, roomId, berlin(monday, '10:00'), berlin(monday, '10:50'), { name: 'Erika Mustermann', email: 'erika@example.test', phone: '+49 30 9876543' });

  await loginInBrowser(page, owner.email);
  await page.getByRole('link', { name: 'Freigaben', exact: true }).click();
  await page.getByLabel(/^E-Mail der Therapeuty/).fill(colleague.email);
  await page.getByLabel('Termine sehen', { exact: true }).check();
  await page.getByRole('button', { name: 'Freigabe erteilen' }).click();
  await expect(page.getByRole('status')).toContainText(`Angeboten. ${colleague.email}`);
  await expect(page.getByTestId(`grant-${colleague.email}`)).toContainText('Angeboten');
  await expectAccessible(page, 'grants (owner)');
  await screenshot(page, 'grants');

  // the colleague (plan M) sees who offers; offering is "ab Tarif L" for them. First declined, then offered again and accepted
  const other = await freshPage(browser);
  await loginInBrowser(other.page, colleague.email);
  await expect(other.page.getByRole('link', { name: 'Kalender von Kolleg*innen' })).toHaveCount(0);
  await other.page.getByRole('link', { name: /Freigaben/ }).click();
  await expect(other.page.getByTestId('plan-locked')).toContainText('ab Tarif L');
  const offer = other.page.getByTestId('received-grant');
  await expect(offer).toContainText('Angeboten');
  await expect(offer).toContainText('Kalender der Praxis Praxis Linde');
  await offer.getByRole('button', { name: 'Ablehnen: Praxis Linde' }).click();
  await expect(offer).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId(`grant-${colleague.email}`)).toContainText('Abgelehnt');
  await expect(page.getByRole('button', { name: `Widerrufen: ${colleague.email}` })).toHaveCount(0);
  await page.getByLabel(/^E-Mail der Therapeuty/).fill(colleague.email);
  await page.getByLabel('Termine sehen', { exact: true }).check();
  await page.getByRole('button', { name: 'Freigabe erteilen' }).click();
  await expect(page.getByTestId(`grant-${colleague.email}`)).toContainText('Angeboten');
  await other.page.reload();
  await offer.getByRole('button', { name: 'Annehmen: Praxis Linde' }).click();
  await expect(offer).toContainText('Aktiv');
  await expectAccessible(other.page, 'grants (grantee)');
  await offer.getByRole('link', { name: 'Kalender öffnen' }).click();
  await expect(other.page.getByRole('link', { name: 'Kalender von Kolleg*innen' })).toBeVisible();
  await expect(other.page.getByRole('heading', { name: 'Kalender von Praxis Linde' })).toBeVisible();
  await gotoWeek(other.page, monday);
  const event = other.page.locator('.fc-event', { hasText: 'Erika M.' });
  await expect(event).toBeVisible();
  await event.click();
  const detail = other.page.getByRole('dialog', { name: 'Termin' });
  await expect(detail.getByTestId('booking-detail')).toContainText('Erika M.');
  const text = await other.page.locator('body').innerText();
  for (const secret of ['Mustermann', 'erika@example.test', '9876543']) expect(text).not.toContain(secret);
  // read-only grant: no booking, moving or cancelling offered
  await expect(detail.getByRole('button', { name: 'Termin absagen' })).toHaveCount(0);
  await expectAccessible(other.page, 'delegated calendar');
  await screenshot(other.page, 'delegated-calendar');
  await other.page.keyboard.press('Escape');

  // revoked: the colleague's next read is refused
  await page.reload();
  await page.getByRole('button', { name: `Widerrufen: ${colleague.email}` }).click();
  await page.getByRole('button', { name: 'Widerrufen', exact: true }).click();
  await expect(page.getByTestId(`grant-${colleague.email}`)).toHaveCount(0);
  const refused = await apiCall(colleague.token, 'GET', `/v1/accounts/${owner.accountId}/calendar?from=${encodeURIComponent(berlin(monday, '00:00'))}&to=${encodeURIComponent(berlin(monday, '23:00'))}`);
  expect(refused.status).toBeGreaterThanOrEqual(403);
  await other.context.close();
});

test('staff (plan XL): invite, change and remove; a secretary sees no invoices, neither in the navigation nor by URL', async ({ page, browser }) => {
  const owner = await practice('team', 'XL', 'Praxis Birke');
  const roomId = await createRoom(owner, 'Raum Birke');
  // next week: invoiceable, and not in the week the secretary's calendar opens on
  await book(owner, roomId, berlin(nextMonday(), '09:00'), berlin(nextMonday(), '09:50'), { name: 'Erika Mustermann', email: 'erika@example.test' });

  await loginInBrowser(page, owner.email);
  // the owner invoices the appointment
  await page.getByRole('link', { name: 'Rechnungen', exact: true }).click();
  await page.getByRole('combobox', { name: /^Termin/ }).selectOption({ index: 1 });
  await page.getByLabel(/^Betrag \(EUR\)/).fill('80,50');
  await page.getByRole('button', { name: 'Rechnung erstellen' }).click();
  const invoice = page.getByTestId('invoice');
  await expect(invoice).toContainText('Erika Mustermann');
  await expect(invoice).toContainText('80,50');
  await invoice.getByRole('button', { name: 'Als bezahlt markieren' }).click();
  await expect(invoice).toContainText('Bezahlt');
  await expectAccessible(page, 'invoices');

  // invite an accounting member in the page, change and remove them
  await page.getByRole('link', { name: 'Team', exact: true }).click();
  const accountingEmail = `accounting-${Date.now().toString(36)}@e2e.test`;
  await page.getByLabel(/^E-Mail/).fill(accountingEmail);
  await page.getByLabel('Rolle').selectOption('ACCOUNTING');
  await page.getByRole('button', { name: 'Einladen' }).click();
  const row = page.getByTestId(`staff-${accountingEmail}`);
  await expect(row).toContainText('Buchhaltung');
  await row.getByRole('button', { name: `Ändern: ${accountingEmail}` }).click();
  await row.getByLabel('Protokoll').check();
  await row.getByRole('button', { name: 'Speichern' }).click();
  await expect(row).toContainText('Eigene Rechte');
  await expect(row).toContainText('Protokoll');
  await expectAccessible(page, 'staff');
  await screenshot(page, 'staff');
  const listed = (await apiCall(owner.token, 'GET', '/v1/staff')).body.items;
  expect(listed.find((m: { email: string }) => m.email === accountingEmail).scopes.sort()).toEqual(['audit', 'finances', 'invoicing', 'reports']);
  await row.getByRole('button', { name: `Entfernen: ${accountingEmail}` }).click();
  await row.getByRole('button', { name: 'Entfernen', exact: true }).click();
  await expect(page.getByTestId(`staff-${accountingEmail}`)).toHaveCount(0);

  // a secretary: the first login asks for an own password instead of the invitation's; then calendar only, and
  // /invoices by URL shows no invoice
  const secretaryEmail = uniqueEmail('secretary');
  const added = await apiCall(owner.token, 'POST', '/v1/staff', { email: secretaryEmail, role: 'SECRETARY' });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  expect(added.body.role).toBe('SECRETARY');
  await page.reload();
  await expect(page.getByTestId(`staff-${secretaryEmail}`)).toContainText('Sekretariat');
  await setPermanentPassword(secretaryEmail, 'Einladung-2026x', false);
  const other = await freshPage(browser);
  await other.page.goto('/login');
  await other.page.getByLabel(/^E-Mail/).fill(secretaryEmail);
  await other.page.getByLabel(/^Passwort/).fill('Einladung-2026x');
  await other.page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(other.page.getByText('Willkommen im Team!')).toBeVisible();
  await expectAccessible(other.page, 'new password');
  await other.page.getByLabel(/^Neues Passwort/).fill(PASSWORD);
  await other.page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(other.page.getByRole('heading', { name: 'Kalender', level: 2 })).toBeVisible();
  const secretary = { token: await cognitoLogin(secretaryEmail) };
  const nav = other.page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(nav.getByRole('link', { name: 'Kalender', exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Rechnungen' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: /Team|Freigaben|Protokoll|Klientyakten/ })).toHaveCount(0);
  await other.page.goto('/invoices');
  await expect(other.page).toHaveURL(/\/calendar$/);
  await expect(other.page.getByRole('heading', { name: 'Rechnungen' })).toHaveCount(0);
  const text = await other.page.locator('body').innerText();
  expect(text).not.toContain('80,50');
  expect(text).not.toContain('Erika Mustermann');
  await expect(other.page.getByTestId('invoices-table')).toHaveCount(0);
  await expectAccessible(other.page, 'secretary calendar');
  // and the API itself refuses the secretary's read
  expect((await apiCall(secretary.token, 'GET', '/v1/invoices')).status).toBe(403);
  await other.context.close();
});

test('webhooks and calendar feeds: the secret and the feed URL are shown once, then never again', async ({ page }) => {
  const p = await practice('integrations');
  await loginInBrowser(page, p.email);
  await page.getByRole('link', { name: 'Webhooks & Feeds', exact: true }).click();
  await page.getByLabel(/^URL \(https\)/).fill('https://203.0.113.10/hooks/practicecal');
  await page.getByRole('button', { name: 'Webhook anlegen' }).click();
  const secret = await page.getByTestId('webhook-secret-value').innerText();
  expect(secret).toMatch(/^whsec_/);
  const listed = await apiCall(p.token, 'GET', '/v1/webhooks');
  expect(JSON.stringify(listed.body)).not.toContain(secret);
  await expect(page.getByTestId('webhook')).toContainText('https://203.0.113.10/hooks/practicecal');
  await expectAccessible(page, 'integrations (secret shown)');
  await screenshot(page, 'webhook-secret');
  await page.getByRole('button', { name: 'Fertig, ausblenden' }).click();
  await expect(page.getByTestId('webhook-secret')).toHaveCount(0);

  // the subscribed events are changed in place
  const hook = page.getByTestId('webhook');
  await expect(hook.getByTestId('webhook-events')).toHaveText('booking.created, booking.moved, booking.cancelled');
  await hook.getByRole('button', { name: 'Ereignisse ändern' }).click();
  await hook.getByLabel('booking.moved').uncheck();
  await hook.getByLabel('grant.declined').check();
  await hook.getByRole('button', { name: 'Ereignisse speichern' }).click();
  await expect(hook.getByTestId('webhook-events')).toContainText('grant.declined');
  expect((await apiCall(p.token, 'GET', '/v1/webhooks')).body.items[0].events.sort()).toEqual(['booking.cancelled', 'booking.created', 'grant.declined']);

  await page.getByLabel('Belegte Zeiten der Gemeinschaft einschließen').check();
  await page.getByRole('button', { name: 'Feed anlegen' }).click();
  const url = await page.getByTestId('feed-url-value').innerText();
  expect(url).toMatch(/\/v1\/public\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
  const token = url.slice(url.lastIndexOf('/') + 1);
  const ics = await fetch(`${new URL('/v1/public/feeds/', page.url()).toString()}${token}`);
  expect(ics.status).toBe(200);
  expect(await ics.text()).toContain('BEGIN:VCALENDAR');
  await expect(page.getByTestId('feed')).toContainText('mit belegten Zeiten');

  // reloaded: neither the secret nor the feed URL appear again
  await page.reload();
  await expect(page.getByTestId('webhook')).toBeVisible();
  await expect(page.getByTestId('feed')).toBeVisible();
  const text = await page.locator('body').innerText();
  expect(text).not.toContain(secret);
  expect(text).not.toContain(token);

  // rotate: a new secret, once
  await page.getByRole('button', { name: 'Geheimnis erneuern' }).click();
  const rotated = await page.getByTestId('webhook-secret-value').innerText();
  expect(rotated).toMatch(/^whsec_/);
  expect(rotated).not.toBe(secret);
  await page.getByRole('button', { name: 'Zustellungen' }).click();
  await expect(page.getByText('Noch keine Zustellungen.').or(page.getByTestId('deliveries'))).toBeVisible();
  await expectAccessible(page, 'integrations');

  // delete both
  await page.getByTestId('feed').getByRole('button', { name: 'Löschen' }).click();
  await page.getByTestId('feed').getByRole('button', { name: 'Löschen' }).click();
  await expect(page.getByTestId('feed')).toHaveCount(0);
  expect((await fetch(`${new URL('/v1/public/feeds/', page.url()).toString()}${token}`)).status).toBe(404);
  await page.getByTestId('webhook').getByRole('button', { name: 'Löschen' }).click();
  await page.getByTestId('webhook').getByRole('button', { name: 'Löschen' }).click();
  await expect(page.getByTestId('webhook')).toHaveCount(0);
  expect((await apiCall(p.token, 'GET', '/v1/webhooks')).body.items).toEqual([]);
});

test('audit trail: the booking entries are listed, filtered by action, and the chain verifies', async ({ page }) => {
  const p = await practice('audit');
  const roomId = await createRoom(p, 'Raum Ulme');
  const monday = nextMonday();
  const first = await book(p, roomId, berlin(monday, '08:00'), berlin(monday, '08:50'), { name: 'Audit Eins' });
  await book(p, roomId, berlin(monday, '09:00'), berlin(monday, '09:50'), { name: 'Audit Zwei' });
  const moved = await apiCall(p.token, 'PATCH', `/v1/bookings/${first}`, { start: berlin(monday, '11:00'), end: berlin(monday, '11:50') });
  expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  // the trail is written asynchronously (stream -> audit writer): wait until the API lists the three entries
  await expect.poll(async () => (await apiCall(p.token, 'GET', '/v1/audit')).body.items
    .filter((e: { action: string }) => e.action.startsWith('booking.')).length, { timeout: 30_000 }).toBe(3);

  await loginInBrowser(page, p.email);
  await page.getByRole('link', { name: 'Protokoll', exact: true }).click();
  await expect(page.locator('[data-testid="audit-entry"][data-action="booking.created"]')).toHaveCount(2);
  await expect(page.locator('[data-testid="audit-entry"][data-action="booking.moved"]')).toHaveCount(1);
  await expect(page.getByTestId('audit-verification')).toContainText('Die Protokollkette ist unverändert.');
  await expectAccessible(page, 'audit');
  await screenshot(page, 'audit');

  await page.getByLabel('Aktion').selectOption('booking.moved');
  await page.getByRole('button', { name: 'Filtern' }).click();
  await expect(page.getByTestId('audit-entry')).toHaveCount(1);
  await expect(page.getByTestId('audit-entry')).toContainText('Termin verschoben');
  // a range without entries
  await page.getByLabel('Aktion').selectOption('');
  await page.getByLabel('Von', { exact: true }).fill('2026-01-01');
  await page.getByLabel('Bis', { exact: true }).fill('2026-01-31');
  await page.getByRole('button', { name: 'Filtern' }).click();
  await expect(page.getByText('Keine Einträge.')).toBeVisible();
});
