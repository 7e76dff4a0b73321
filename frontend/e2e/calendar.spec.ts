import { test, expect } from '@playwright/test';
import { apiCall, berlin, clickFreeTime, expectAccessible, gotoWeek, loginInBrowser, nextMonday, practice, screenshot } from './support';

test('a therapist creates a room, books by clicking a free time, sees a concurrent conflict inline, moves and cancels', async ({ page }) => {
  const p = await practice('cal');
  await loginInBrowser(page, p.email);
  await expect(page.getByText('Sie haben noch keinen Raum')).toBeVisible();

  // create a room
  await page.getByRole('link', { name: 'Räume', exact: true }).click();
  await page.getByLabel(/^Name des Raums/).fill('Raum Linde');
  await page.getByRole('button', { name: 'Raum anlegen' }).click();
  await expect(page.getByTestId('room-Raum Linde')).toBeVisible();
  await expectAccessible(page, 'rooms');
  await screenshot(page, 'rooms');
  const rooms = await apiCall(p.token, 'GET', '/v1/rooms');
  const roomId = rooms.body.items[0].id as string;

  // book by clicking a free time
  await page.getByRole('link', { name: 'Kalender', exact: true }).click();
  const monday = nextMonday();
  await gotoWeek(page, monday);
  // the week first shows the cached data from before the room existed; a click then has no room to book
  await expect(page.getByText('Sie haben noch keinen Raum')).toBeHidden();
  await clickFreeTime(page, monday, '10:00');
  const dialog = page.getByRole('dialog', { name: 'Termin buchen' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel(/^Beginn/)).toHaveValue('10:00');
  await expect(dialog.getByLabel(/^Datum/)).toHaveValue(monday);
  await dialog.getByLabel(/^Name der Klienty/).fill('Erika Mustermann');
  await dialog.getByLabel(/^E-Mail der Klienty/).fill('erika@example.test');
  await expectAccessible(page, 'booking dialog');
  await dialog.getByRole('button', { name: 'Buchen' }).click();
  await expect(dialog).toBeHidden();
  const booked = page.locator('.fc-event', { hasText: 'Erika Mustermann' });
  await expect(booked).toBeVisible();
  await expect(booked).toContainText('10:00');
  await screenshot(page, 'calendar-week');

  // a concurrent booking through the API takes 11:00 while the form is open: the refusal is shown inline, nothing lost
  await clickFreeTime(page, monday, '11:00');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(/^Name der Klienty/).fill('Max Beispiel');
  await dialog.getByLabel(/^Telefon der Klienty/).fill('+49 30 1234567');
  const other = await apiCall(p.token, 'POST', '/v1/bookings', {
    roomId, start: berlin(monday, '11:00'), end: berlin(monday, '11:50'), client: { name: 'Concurrent Client' },
  });
  expect(other.status).toBe(201);
  await dialog.getByRole('button', { name: 'Buchen' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Der Raum ist zu dieser Zeit schon belegt. Bitte wählen Sie eine andere Zeit oder einen anderen Raum.');
  await expect(dialog.getByLabel(/^Name der Klienty/)).toHaveValue('Max Beispiel');
  await expect(dialog.getByLabel(/^Telefon der Klienty/)).toHaveValue('+49 30 1234567');
  await screenshot(page, 'booking-conflict');
  await dialog.getByLabel(/^Beginn/).fill('12:00');
  await dialog.getByRole('button', { name: 'Buchen' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.fc-event', { hasText: 'Max Beispiel' })).toContainText('12:00');

  // move from the detail view
  await booked.click();
  const detail = page.getByRole('dialog', { name: 'Termin' });
  await expect(detail.getByTestId('booking-detail')).toContainText('erika@example.test');
  await expectAccessible(page, 'booking detail');
  await detail.getByLabel(/^Beginn/).fill('14:00');
  await detail.getByRole('button', { name: 'Verschieben speichern' }).click();
  await expect(detail).toBeHidden();
  await expect(page.locator('.fc-event', { hasText: 'Erika Mustermann' })).toContainText('14:00');

  // cancel from the detail view
  await page.locator('.fc-event', { hasText: 'Erika Mustermann' }).click();
  await detail.getByRole('button', { name: 'Termin absagen' }).click();
  await detail.getByRole('button', { name: 'Ja, absagen' }).click();
  await expect(detail).toBeHidden();
  await expect(page.locator('.fc-event', { hasText: 'Erika Mustermann' })).toHaveCount(0);
  const left = await apiCall(p.token, 'GET', `/v1/calendar?from=${encodeURIComponent(berlin(monday, '00:00'))}&to=${encodeURIComponent(berlin(monday, '23:00'))}`);
  expect(left.status, JSON.stringify(left.body)).toBe(200);
  expect(left.body.bookings.filter((b: { status: string }) => b.status === 'CONFIRMED').map((b: { client: { name: string } }) => b.client.name).sort())
    .toEqual(['Concurrent Client', 'Max Beispiel']);
});

test('keyboard only: a booking made with the "Neuer Termin" button and the keyboard', async ({ page }) => {
  const p = await practice('kbd');
  await apiCall(p.token, 'POST', '/v1/rooms', { name: 'Raum Ahorn' });
  await loginInBrowser(page, p.email);
  const monday = nextMonday();
  await gotoWeek(page, monday);
  await page.getByRole('button', { name: 'Neuer Termin' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Termin buchen' });
  await expect(dialog).toBeVisible();
  // focus is inside the dialog
  await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await dialog.getByLabel(/^Datum/).fill(monday);
  await dialog.getByLabel(/^Beginn/).fill('09:00');
  await dialog.getByLabel(/^Name der Klienty/).focus();
  await page.keyboard.type('Kim Tastatur');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.locator('.fc-event', { hasText: 'Kim Tastatur' })).toContainText('09:00');
  // the event is reachable by keyboard and opens the detail view
  await page.locator('.fc-event', { hasText: 'Kim Tastatur' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Termin' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Termin' })).toBeHidden();
});

test('DST: appointments either side of the clock change sit at their wall-clock time in the practice zone', async ({ page }) => {
  const p = await practice('dst');
  const room = (await apiCall(p.token, 'POST', '/v1/rooms', { name: 'Raum Zeit' })).body.id as string;
  // Berlin switches to summer time on Sunday 28 March 2027: Friday is +01:00, Monday +02:00
  for (const [date, name] of [['2027-03-26', 'Vor der Umstellung'], ['2027-03-29', 'Nach der Umstellung']]) {
    const r = await apiCall(p.token, 'POST', '/v1/bookings', { roomId: room, start: berlin(date, '10:00'), end: berlin(date, '10:50'), client: { name } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
  expect(berlin('2027-03-26', '10:00')).toBe('2027-03-26T10:00:00+01:00');
  expect(berlin('2027-03-29', '10:00')).toBe('2027-03-29T10:00:00+02:00');
  await loginInBrowser(page, p.email);
  await gotoWeek(page, '2027-03-26');
  await expect(page.locator('.fc-event', { hasText: 'Vor der Umstellung' })).toContainText('10:00 - 10:50');
  await expect(page.locator('.fc-timegrid-col[data-date="2027-03-28"]')).toBeVisible();
  await page.getByRole('button', { name: 'Nächste Woche' }).click();
  await expect(page.locator('.fc-event', { hasText: 'Nach der Umstellung' })).toContainText('10:00 - 10:50');
  // both sit in the 10:00 row of their day column
  const row = await page.locator('td.fc-timegrid-slot-lane[data-time="10:00:00"]').boundingBox();
  const event = await page.locator('.fc-event', { hasText: 'Nach der Umstellung' }).boundingBox();
  expect(Math.abs(event!.y - row!.y)).toBeLessThan(4);
});
