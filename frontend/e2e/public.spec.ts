import { test, expect, devices } from '@playwright/test';
import { apiCall, createRoom, expectAccessible, gotoWeek, loginInBrowser, pageText, practice, screenshot } from './support';

const WEEK = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

test('a client books on the public page on a phone, the booking appears in the therapist\'s week without a reload, and the client cancels', async ({ browser }) => {
  const therapist = await practice('online', 'M', 'Praxis Online');
  await createRoom(therapist, 'Raum Online');
  const rules = await apiCall(therapist.token, 'PUT', '/v1/settings/booking', {
    workingHours: Object.fromEntries(WEEK.map((d) => [d, [{ from: '08:00', to: '18:00' }]])),
    services: [{ id: 'session', name: 'Therapiesitzung', durationMinutes: 50, bufferAfterMinutes: 10 }],
    minimumNoticeMinutes: 60 * 24,
    horizonDays: 30,
    cancellationNoticeMinutes: 60,
  });
  expect(rules.status, JSON.stringify(rules.body)).toBe(200);

  const desk = await (await browser.newContext()).newPage();
  await loginInBrowser(desk, therapist.email);
  await desk.getByRole('link', { name: 'Online-Buchung' }).click();
  const link = await desk.getByTestId('public-link').first().textContent();
  expect(link).toContain(`/book/${therapist.accountId}?service=session`);
  await expectAccessible(desk, 'booking settings');
  await desk.getByRole('link', { name: 'Kalender', exact: true }).click();
  // the therapist has the week of the first free slot open before the client books
  const now = Date.now();
  const free = await apiCall(null, 'GET', `/v1/public/therapists/${therapist.accountId}/slots?serviceId=session&from=${encodeURIComponent(new Date(now).toISOString())}&to=${encodeURIComponent(new Date(now + 14 * 86400_000).toISOString())}`);
  expect(free.status, JSON.stringify(free.body)).toBe(200);
  const firstSlot = free.body.slots[0].start as string;
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date(firstSlot));
  await gotoWeek(desk, day);
  await expect(desk.locator('.fc-event')).toHaveCount(0);

  const phone = await (await browser.newContext({ ...devices['Pixel 7'], locale: 'de-DE', timezoneId: 'Europe/Berlin' })).newPage();
  await phone.goto(new URL(link!).pathname + new URL(link!).search);
  await expect(phone.getByRole('heading', { name: 'Termin online buchen' })).toBeVisible();
  const days = phone.getByRole('group', { name: 'Tag' }).getByRole('button', { pressed: true });
  await expect(days).toHaveCount(1);
  const firstTime = phone.locator('.slot-grid button').first();
  await firstTime.click();
  await phone.getByLabel(/^Ihr Name/).fill('Paula Online');
  await phone.getByLabel(/^Ihre E-Mail/).fill('paula@example.test');
  await expectAccessible(phone, 'public booking');
  await screenshot(phone, 'public-booking');
  await phone.getByRole('button', { name: 'Verbindlich buchen' }).click();
  await expect(phone.getByTestId('confirmation')).toContainText('Ihr Termin ist gebucht');
  const manage = await phone.getByTestId('manage-link').getAttribute('href');
  expect(manage).toMatch(/\/manage\/[^?]+\?token=/);

  // the therapist's open week shows it (poll / refetch), no reload; marked as an online booking
  await expect(desk.locator('.fc-event', { hasText: 'Paula Online' })).toContainText('online gebucht', { timeout: 30_000 });

  // the client cancels from the manage link
  await phone.goto(manage!);
  await expectAccessible(phone, 'manage booking');
  await phone.getByRole('button', { name: 'Termin absagen' }).click();
  await expect(phone.getByText('Der Termin ist abgesagt.')).toBeVisible();
  await expect(desk.locator('.fc-event', { hasText: 'Paula Online' })).toHaveCount(0, { timeout: 30_000 });
  expect(await pageText(desk)).not.toContain('Paula Online');
});

test('a link without ?service= offers the practice\'s services; the client reschedules from the manage link and the therapist sees the new time', async ({ browser }) => {
  const therapist = await practice('manage', 'M', 'Praxis Wechsel');
  const roomId = await createRoom(therapist, 'Raum Wechsel');
  const rules = await apiCall(therapist.token, 'PUT', '/v1/settings/booking', {
    workingHours: Object.fromEntries(WEEK.map((d) => [d, [{ from: '08:00', to: '18:00' }]])),
    services: [
      { id: 'intake', name: 'Erstgespräch', durationMinutes: 90 },
      { id: 'session', name: 'Therapiesitzung', durationMinutes: 50 },
    ],
    minimumNoticeMinutes: 60 * 24,
    horizonDays: 30,
    rescheduleNoticeMinutes: 60,
  });
  expect(rules.status, JSON.stringify(rules.body)).toBe(200);
  expect(rules.body.workingHours.MONDAY).toEqual([{ from: '08:00', to: '18:00' }]);

  const phone = await (await browser.newContext({ ...devices['Pixel 7'], locale: 'de-DE', timezoneId: 'Europe/Berlin' })).newPage();
  await phone.goto(`/book/${therapist.accountId}`);
  await expect(phone.getByTestId('practice')).toHaveText('Praxis Wechsel');
  const services = phone.getByRole('group', { name: 'Leistung' });
  await expect(services.getByRole('button')).toHaveText(['Erstgespräch (90 Min.)', 'Therapiesitzung (50 Min.)']);
  await expect(phone.getByText('Bitte wählen Sie zuerst eine Leistung.')).toBeVisible();
  await expectAccessible(phone, 'public booking (services)');
  await services.getByRole('button', { name: 'Therapiesitzung (50 Min.)' }).click();
  await expect(phone).toHaveURL(/\?service=session$/);
  await phone.locator('.slot-grid button').first().click();
  await phone.getByLabel(/^Ihr Name/).fill('Rita Wechsel');
  await phone.getByLabel(/^Ihre E-Mail/).fill('rita@example.test');
  await phone.getByRole('button', { name: 'Verbindlich buchen' }).click();
  await expect(phone.getByTestId('confirmation')).toContainText('Ihr Termin ist gebucht');
  const manage = (await phone.getByTestId('manage-link').getAttribute('href'))!;
  const bookingId = new URL(manage).pathname.split('/').pop()!;
  const before = (await apiCall(therapist.token, 'GET', `/v1/bookings/${bookingId}`)).body;
  expect(before.roomId).toBe(roomId);

  // the client moves it to another day from the manage link
  await phone.goto(manage);
  await expect(phone.getByRole('heading', { name: 'Verschieben' })).toBeVisible();
  const days = phone.getByRole('group', { name: 'Tag' });
  await days.getByRole('button', { pressed: false }).filter({ hasNotText: /Tage/ }).first().click();
  await phone.locator('.slot-grid button').nth(2).click();
  await expectAccessible(phone, 'manage booking (reschedule)');
  await phone.getByRole('button', { name: 'Verschieben', exact: true }).click();
  await expect(phone.getByRole('status')).toContainText('Verschoben auf');
  await expect.poll(async () => (await apiCall(therapist.token, 'GET', `/v1/bookings/${bookingId}`)).body.start).not.toBe(before.start);
  const after = (await apiCall(therapist.token, 'GET', `/v1/bookings/${bookingId}`)).body;
  expect(after.status).toBe('CONFIRMED');
  expect(Date.parse(after.end) - Date.parse(after.start)).toBe(50 * 60_000);

  // the therapist's week shows it at the new time
  const desk = await (await browser.newContext()).newPage();
  await loginInBrowser(desk, therapist.email);
  await gotoWeek(desk, new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date(after.start)));
  const event = desk.locator('.fc-event', { hasText: 'Rita Wechsel' });
  await expect(event).toHaveCount(1);
  await expect(event).toContainText(new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(new Date(after.start)));
});
