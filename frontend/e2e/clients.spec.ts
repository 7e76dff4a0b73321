import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { apiCall, berlin, createRoom, expectAccessible, loginInBrowser, nextMonday, pageText, practice, screenshot } from './support';
import { freshPage, staffMember } from './admin-support';

const WEEK = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

test('client records: create, search, page, edit, the appointments, the GDPR export, and erasure refused while appointments are ahead', async ({ page }) => {
  const p = await practice('records');
  const roomId = await createRoom(p, 'Raum Akte');
  // 21 records: one more than a page
  for (let i = 0; i < 21; i++) {
    const r = await apiCall(p.token, 'POST', '/v1/clients', { firstName: 'Kim', lastName: `Aaberg${String(i).padStart(2, '0')}` });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
  await loginInBrowser(page, p.email);
  await page.getByRole('link', { name: 'Klientyakten', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Klientyakten', level: 2 })).toBeVisible();
  await expect(page.getByTestId('client-row')).toHaveCount(20);
  await page.getByRole('button', { name: 'Weitere laden' }).click();
  await expect(page.getByTestId('client-row')).toHaveCount(21);
  await expect(page.getByRole('button', { name: 'Weitere laden' })).toHaveCount(0);

  // create in the dialog
  await page.getByRole('button', { name: 'Neue Klientyakte' }).click();
  const dialog = page.getByRole('dialog', { name: 'Neue Klientyakte' });
  await dialog.getByLabel(/^Vorname/).fill('Jürgen');
  await dialog.getByLabel(/^Nachname/).fill('Müller-Lüdenscheidt');
  await dialog.getByLabel('E-Mail').fill('juergen@example.test');
  await dialog.getByLabel('Geburtsdatum').fill('1971-04-03');
  await dialog.getByLabel(/^Notizen/).fill('Kommt mit dem Fahrrad.');
  await expectAccessible(page, 'client record (create)');
  await dialog.getByRole('button', { name: 'Anlegen' }).click();
  await expect(page.getByRole('heading', { name: 'Müller-Lüdenscheidt, Jürgen', level: 2 })).toBeVisible();
  const clientId = new URL(page.url()).pathname.split('/').pop()!;
  await expect(page.getByTestId('client-record')).toContainText('3. April 1971');

  // search by a prefix of a name part, umlaut typed as "ue"
  await page.getByRole('link', { name: '← Alle Klientyakten' }).click();
  await page.getByLabel('Suche nach Vor- oder Nachname').fill('luede');
  await expect(page.getByTestId('client-row')).toHaveCount(1);
  await expect(page.getByTestId('client-row')).toContainText('juergen@example.test');
  await page.getByLabel('Suche nach Vor- oder Nachname').fill('xyz');
  await expect(page.getByText('Keine passende Akte.')).toBeVisible();
  await page.getByLabel('Suche nach Vor- oder Nachname').fill('jürgen mü');
  await page.getByRole('link', { name: 'Müller-Lüdenscheidt, Jürgen' }).click();

  // edit: a phone added, the e-mail cleared
  await page.getByRole('button', { name: 'Bearbeiten' }).click();
  const edit = page.getByRole('dialog', { name: 'Bearbeiten' });
  await edit.getByLabel('Telefon').fill('+49 30 123456');
  await edit.getByLabel('E-Mail').fill('');
  await edit.getByRole('button', { name: 'Speichern' }).click();
  await expect(edit).toHaveCount(0);
  await expect(page.getByTestId('client-record')).toContainText('+49 30 123456');
  const stored = (await apiCall(p.token, 'GET', `/v1/clients/${clientId}`)).body;
  expect(stored.phone).toBe('+49 30 123456');
  expect(stored.email).toBeUndefined();

  // an appointment for the record appears on its page
  const monday = nextMonday();
  const booked = await apiCall(p.token, 'POST', '/v1/bookings', { roomId, start: berlin(monday, '10:00'), end: berlin(monday, '10:50'), clientId });
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  await page.reload();
  await expect(page.getByTestId('client-bookings-upcoming').getByTestId('client-booking')).toHaveCount(1);
  await expect(page.getByTestId('client-bookings-upcoming')).toContainText('Raum Akte');
  await expectAccessible(page, 'client record');
  await screenshot(page, 'client-record');

  // the export downloads one JSON document with the record and the booking; the file name carries no name
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Datenauskunft (JSON)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^klientyakte-[0-9a-f-]{8}-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(exported.client).toEqual(expect.objectContaining({ id: clientId, lastName: 'Müller-Lüdenscheidt', notes: 'Kommt mit dem Fahrrad.' }));
  expect(exported.bookings.map((b: { id: string }) => b.id)).toEqual([booked.body.id]);

  // erasure: refused while the appointment is ahead, explained; allowed once it is cancelled
  await page.getByRole('button', { name: 'Löschen' }).click();
  const erase = page.getByRole('dialog', { name: 'Akte „Müller-Lüdenscheidt, Jürgen“ löschen?' });
  await expect(erase).toContainText('nicht rückgängig');
  await erase.getByRole('button', { name: 'Endgültig löschen' }).click();
  await expect(erase.getByRole('alert')).toContainText('noch künftige Termine');
  await expectAccessible(page, 'client erasure refused');
  expect((await apiCall(p.token, 'GET', `/v1/clients/${clientId}`)).status).toBe(200);
  expect((await apiCall(p.token, 'DELETE', `/v1/bookings/${booked.body.id}`)).status).toBeLessThan(300);
  await erase.getByRole('button', { name: 'Endgültig löschen' }).click();
  await expect(page).toHaveURL(/\/clients$/);
  await expect(page.getByRole('status').filter({ hasText: 'Die Akte wurde gelöscht.' })).toBeVisible();
  expect((await apiCall(p.token, 'GET', `/v1/clients/${clientId}`)).status).toBe(404);
  await page.getByLabel('Suche nach Vor- oder Nachname').fill('müller');
  await expect(page.getByText('Keine passende Akte.')).toBeVisible();
  expect(await pageText(page)).not.toContain('juergen@example.test');
});

test('an online booking\'s record is merged into the existing one; a secretary sees no client records, neither in the navigation nor by URL', async ({ page, browser }) => {
  const p = await practice('merge', 'XL');
  await createRoom(p, 'Raum Online');
  const rules = await apiCall(p.token, 'PUT', '/v1/settings/booking', {
    workingHours: Object.fromEntries(WEEK.map((d) => [d, [{ from: '08:00', to: '18:00' }]])),
    services: [{ id: 'session', name: 'Therapiesitzung', durationMinutes: 50 }],
  });
  expect(rules.status, JSON.stringify(rules.body)).toBe(200);
  const existing = await apiCall(p.token, 'POST', '/v1/clients', { firstName: 'Erika', lastName: 'Mustermann', birthDate: '1980-05-06' });
  const online = await apiCall(null, 'POST', `/v1/public/therapists/${p.accountId}/bookings`, {
    serviceId: 'session', start: berlin(nextMonday(), '09:00'), client: { name: 'Erika Mustermann', email: 'erika.online@example.test' },
  });
  expect(online.status, JSON.stringify(online.body)).toBe(201);

  await loginInBrowser(page, p.email);
  await page.getByRole('link', { name: 'Klientyakten', exact: true }).click();
  const onlineRow = page.getByTestId('client-row').filter({ hasText: 'online angelegt' });
  await expect(onlineRow).toContainText('erika.online@example.test');
  await onlineRow.getByRole('link', { name: 'Mustermann, Erika' }).click();
  const merge = page.getByTestId('client-merge');
  await merge.getByLabel('Bestehende Akte suchen').fill('muster');
  // the record itself is not offered, only the other one
  await expect(merge.getByRole('button', { name: /Mustermann, Erika/ })).toHaveCount(1);
  await expectAccessible(page, 'client merge');
  await merge.getByRole('button', { name: /Mustermann, Erika/ }).click();
  await merge.getByRole('button', { name: 'Zusammenführen' }).click();
  await expect(page).toHaveURL(new RegExp(`/clients/${existing.body.id}$`));
  await expect(page.getByTestId('client-record')).toContainText('erika.online@example.test');
  await expect(page.getByTestId('client-record')).toContainText('6. Mai 1980');
  await expect(page.getByTestId('client-bookings-upcoming').getByTestId('client-booking')).toContainText('online gebucht');
  await expect(page.getByTestId('client-merge')).toHaveCount(0);
  await page.getByRole('link', { name: '← Alle Klientyakten' }).click();
  await expect(page.getByTestId('client-row')).toHaveCount(1);

  // a secretary (appointments only): no "Klientyakten", and the URL leads back to the calendar
  const secretary = await staffMember(p, 'SECRETARY');
  const other = await freshPage(browser);
  await loginInBrowser(other.page, secretary.email);
  await expect(other.page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Klientyakten' })).toHaveCount(0);
  await other.page.goto(`/clients/${existing.body.id}`);
  await expect(other.page).toHaveURL(/\/calendar$/);
  expect(await pageText(other.page)).not.toContain('erika.online@example.test');
  expect((await apiCall(secretary.token, 'GET', '/v1/clients')).status).toBe(403);
  await other.context.close();
});
