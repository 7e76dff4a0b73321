import { test, expect, type Page } from '@playwright/test';
import { apiCall, berlin, clickFreeTime, createRoom, expectAccessible, gotoWeek, loginInBrowser, nextMonday, practice, screenshot } from './support';

function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function weekData(token: string, monday: string) {
  const r = await apiCall(token, 'GET', `/v1/calendar?from=${encodeURIComponent(berlin(monday, '00:00'))}&to=${encodeURIComponent(berlin(plusDays(monday, 7), '00:00'))}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { bookings: { id: string; start: string; status: string; seriesId?: string; client: { name?: string } }[]; blocks: { id: string; title?: string; roomId?: string; start: string; end: string }[] };
}

/** The week with its rooms loaded (a click on a free time before that opens nothing). */
async function showWeek(page: Page, monday: string, room: string) {
  await gotoWeek(page, monday);
  await expect(page.getByRole('group', { name: /^(Räume|Rooms)$/ }).locator('.mantine-Badge-label', { hasText: room })).toBeVisible();
}

/** Drags an event by the mouse, as a therapist would, to `time` on `date` of the visible week. */
async function drag(page: Page, event: ReturnType<Page['locator']>, date: string, time: string) {
  const from = await event.boundingBox();
  const column = await page.locator(`.fc-timegrid-col[data-date="${date}"]`).boundingBox();
  const row = await page.locator(`td.fc-timegrid-slot-lane[data-time="${time}:00"]`).boundingBox();
  if (!from || !column || !row) throw new Error('nothing to drag');
  await page.mouse.move(from.x + from.width / 2, from.y + 4);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 5, from.y + 10, { steps: 3 });
  await page.mouse.move(column.x + column.width / 2, row.y + 4, { steps: 12 });
  await page.mouse.up();
}

test('blocked time: a break created from a free time, given a room, dragged, room taken off, deleted; a holiday over two days; a weekly block with a taken week, deleted from its first week on', async ({ page }) => {
  const p = await practice('blocks');
  const roomId = await createRoom(p, 'Raum Birke');
  await loginInBrowser(page, p.email);
  const monday = nextMonday();
  await showWeek(page, monday, 'Raum Birke');

  await clickFreeTime(page, monday, '12:00');
  const dialog = page.getByRole('dialog', { name: 'Termin buchen' });
  await dialog.getByText('Blockzeit (Pause, Urlaub)').click();
  const blockDialog = page.getByRole('dialog', { name: 'Zeit blockieren' });
  await expect(blockDialog.getByLabel(/^Bezeichnung/)).toHaveValue('Pause');
  await blockDialog.getByLabel(/^Bezeichnung/).fill('Mittagspause');
  await blockDialog.getByLabel(/^Bis \(Uhrzeit\)/).fill('13:00');
  await expectAccessible(page, 'block dialog');
  await blockDialog.getByRole('button', { name: 'Zeit blockieren' }).click();
  await expect(blockDialog).toBeHidden();
  const block = page.locator('.fc-event.own-block', { hasText: 'Mittagspause' });
  await expect(block).toContainText('12:00 - 13:00');
  await expect(block).toContainText('ohne Raum');
  let week = await weekData(p.token, monday);
  expect(week.blocks).toHaveLength(1);
  expect(week.blocks[0]).toMatchObject({ title: 'Mittagspause', start: berlin(monday, '12:00'), end: berlin(monday, '13:00') });
  expect(week.blocks[0].roomId).toBeUndefined();

  // edit: the block takes the room, and the room is then taken for a booking
  await block.click();
  const edit = page.getByRole('dialog', { name: 'Blockzeit' });
  await edit.getByLabel(/^Raum/).selectOption({ label: 'Raum Birke' });
  await edit.getByRole('button', { name: 'Speichern' }).click();
  await expect(edit).toBeHidden();
  await expect(page.locator('.fc-event.own-block', { hasText: 'Mittagspause' })).toContainText('Raum Birke');
  week = await weekData(p.token, monday);
  expect(week.blocks[0].roomId).toBe(roomId);
  const refused = await apiCall(p.token, 'POST', '/v1/bookings', { roomId, start: berlin(monday, '12:00'), end: berlin(monday, '12:50'), client: { name: 'X' } });
  expect(refused.status).toBe(409);

  // drag the block to Tuesday 15:00
  const tuesday = plusDays(monday, 1);
  await drag(page, page.locator('.fc-event.own-block', { hasText: 'Mittagspause' }), tuesday, '15:00');
  await expect.poll(async () => (await weekData(p.token, monday)).blocks[0].start).toBe(berlin(tuesday, '15:00'));
  await expect(page.locator(`.fc-timegrid-col[data-date="${tuesday}"] .fc-event.own-block`)).toContainText('15:00 - 16:00');

  // the room taken off again: the block stays, without room
  await page.locator('.fc-event.own-block', { hasText: 'Mittagspause' }).click();
  await edit.getByLabel(/^Raum/).selectOption({ label: 'Kein Raum – nur ich bin nicht verfügbar' });
  await edit.getByRole('button', { name: 'Speichern' }).click();
  await expect(edit).toBeHidden();
  await expect(page.locator('.fc-event.own-block', { hasText: 'Mittagspause' })).toContainText('ohne Raum');
  week = await weekData(p.token, monday);
  expect(week.blocks[0].roomId).toBeUndefined();
  expect(week.blocks[0].start).toBe(berlin(tuesday, '15:00'));

  // delete
  await page.locator('.fc-event.own-block', { hasText: 'Mittagspause' }).click();
  await edit.getByRole('button', { name: 'Blockzeit löschen' }).click();
  await edit.getByRole('button', { name: 'Ja, löschen' }).click();
  await expect(edit).toBeHidden();
  await expect(page.locator('.fc-event.own-block')).toHaveCount(0);
  expect((await weekData(p.token, monday)).blocks).toHaveLength(0);

  // a holiday: whole days Wednesday to Thursday, without a room
  await page.getByRole('button', { name: 'Neuer Termin' }).click();
  await page.getByRole('dialog', { name: 'Termin buchen' }).getByText('Blockzeit (Pause, Urlaub)').click();
  await blockDialog.getByLabel(/^Bezeichnung/).fill('Urlaub');
  await blockDialog.getByLabel(/^Ganze Tage/).check();
  await blockDialog.getByLabel(/^Von \(Datum\)/).fill(plusDays(monday, 2));
  await blockDialog.getByLabel(/^Bis \(Datum\)/).fill(plusDays(monday, 3));
  await blockDialog.getByRole('button', { name: 'Zeit blockieren' }).click();
  await expect(blockDialog).toBeHidden();
  for (const day of [plusDays(monday, 2), plusDays(monday, 3)]) {
    await expect(page.locator(`.fc-timegrid-col[data-date="${day}"] .fc-event.own-block`, { hasText: 'Urlaub' })).toBeVisible();
  }
  week = await weekData(p.token, monday);
  expect(week.blocks[0]).toMatchObject({ title: 'Urlaub', start: berlin(plusDays(monday, 2), '00:00'), end: berlin(plusDays(monday, 4), '00:00') });
  await screenshot(page, 'calendar-blocks');
  await expectAccessible(page, 'week with blocks');

  // a weekly supervision in the room for three weeks; the second week's room is booked, so that week is skipped
  const second = plusDays(monday, 7);
  expect((await apiCall(p.token, 'POST', '/v1/bookings', { roomId, start: berlin(second, '08:30'), end: berlin(second, '09:20'), client: { name: 'Y' } })).status).toBe(201);
  await page.getByRole('button', { name: 'Neuer Termin' }).click();
  await page.getByRole('dialog', { name: 'Termin buchen' }).getByText('Blockzeit (Pause, Urlaub)').click();
  await blockDialog.getByLabel(/^Bezeichnung/).fill('Supervision');
  await blockDialog.getByLabel(/^Von \(Datum\)/).fill(monday);
  await blockDialog.getByLabel(/^Von \(Uhrzeit\)/).fill('08:00');
  await blockDialog.getByLabel(/^Bis \(Datum\)/).fill(monday);
  await blockDialog.getByLabel(/^Bis \(Uhrzeit\)/).fill('09:00');
  await blockDialog.getByLabel(/^Raum/).selectOption({ label: 'Raum Birke' });
  await blockDialog.getByLabel('Wöchentlich wiederholen').check();
  await blockDialog.getByLabel(/^Anzahl der Wochen/).fill('3');
  await blockDialog.getByRole('button', { name: 'Zeit blockieren' }).click();
  await expect(blockDialog).toBeHidden();
  const notice = page.getByTestId('calendar-notice');
  await expect(notice).toContainText('Zeit blockiert: 2 Wochen. 1 übersprungen:');
  await expect(notice.getByTestId('skipped-occurrences')).toContainText('Raum belegt');
  await expect(page.locator('.fc-event.own-block', { hasText: 'Supervision' })).toContainText('08:00 - 09:00');
  const weekly = [...(await weekData(p.token, monday)).blocks, ...(await weekData(p.token, plusDays(monday, 14))).blocks].filter((b) => b.title === 'Supervision');
  expect(weekly.map((b) => b.start)).toEqual([berlin(monday, '08:00'), berlin(plusDays(monday, 14), '08:00')]);

  // the weekly block deleted from its first week on: "diese und alle folgenden"
  await page.locator('.fc-event.own-block', { hasText: 'Supervision' }).click();
  await edit.getByText('Diese und alle folgenden').click();
  await expectAccessible(page, 'weekly block');
  await edit.getByRole('button', { name: 'Blockzeit löschen' }).click();
  await edit.getByRole('button', { name: 'Ja, löschen' }).click();
  await expect(edit).toBeHidden();
  await expect(notice).toContainText('2 Blockzeiten gelöscht.');
  await expect(page.locator('.fc-event.own-block', { hasText: 'Supervision' })).toHaveCount(0);
  expect((await weekData(p.token, plusDays(monday, 14))).blocks.filter((b) => b.title === 'Supervision')).toHaveLength(0);
});

test('weekly series: preview names the taken week, the series is booked with it skipped, marked in the week; this and all following moved, then cancelled', async ({ page }) => {
  const p = await practice('series');
  const roomId = await createRoom(p, 'Raum Ulme');
  const monday = nextMonday();
  const third = plusDays(monday, 14);
  const taken = await apiCall(p.token, 'POST', '/v1/bookings', { roomId, start: berlin(third, '09:00'), end: berlin(third, '09:50'), client: { name: 'Schon da' } });
  expect(taken.status).toBe(201);
  await loginInBrowser(page, p.email);
  await showWeek(page, monday, 'Raum Ulme');

  await clickFreeTime(page, monday, '09:00');
  const dialog = page.getByRole('dialog', { name: 'Termin buchen' });
  await dialog.getByLabel(/^Name der Klienty/).fill('Serie Klienty');
  await dialog.getByLabel('Wöchentlich wiederholen').check();
  await dialog.getByLabel(/^Anzahl der Termine/).fill('4');
  await dialog.getByRole('button', { name: 'Vorschau' }).click();
  const preview = dialog.getByTestId('series-preview');
  await expect(preview.getByRole('listitem')).toHaveCount(4);
  await expect(preview.locator('[data-free="false"]')).toHaveCount(1);
  await expect(preview.locator('[data-free="false"]')).toContainText('Raum belegt – wird übersprungen');
  await expect(preview.locator('[data-free="true"]')).toHaveCount(3);
  await expectAccessible(page, 'series preview');
  await dialog.getByRole('button', { name: 'Serie buchen' }).click();
  await expect(dialog).toBeHidden();
  const notice = page.getByTestId('calendar-notice');
  await expect(notice).toContainText('Serie gebucht: 3 Termine. 1 übersprungen:');
  await expect(notice.getByTestId('skipped-occurrences')).toContainText('Raum belegt');
  const first = page.locator('.fc-event', { hasText: 'Serie Klienty' });
  await expect(first).toContainText('09:00');
  await expect(first.getByTestId('series-marker')).toHaveText(/Serie/);
  await screenshot(page, 'calendar-series');

  // the second week: move this and all following to 11:00
  await page.getByRole('button', { name: 'Nächste Woche' }).click();
  const second = page.locator(`.fc-timegrid-col[data-date="${plusDays(monday, 7)}"] .fc-event`, { hasText: 'Serie Klienty' });
  await expect(second.getByTestId('series-marker')).toBeVisible();
  await second.click();
  const detail = page.getByRole('dialog', { name: 'Termin' });
  await expect(detail.getByTestId('booking-detail')).toContainText('Teil einer wöchentlichen Serie');
  await detail.getByText('Dieser und alle folgenden').click();
  await detail.getByLabel(/^Beginn/).fill('11:00');
  await expectAccessible(page, 'series occurrence detail');
  await detail.getByRole('button', { name: 'Diesen und alle folgenden verschieben' }).click();
  await expect(detail).toBeHidden();
  await expect(notice).toContainText('2 Termine der Serie verschoben.');
  await expect(page.locator('.fc-event', { hasText: 'Serie Klienty' })).toContainText('11:00');
  const series = async () => {
    const all = [];
    for (const w of [0, 7, 14, 21]) all.push(...(await weekData(p.token, plusDays(monday, w))).bookings.filter((b) => b.client.name === 'Serie Klienty'));
    return all;
  };
  const moved = await series();
  expect(moved.map((b) => b.start)).toEqual([berlin(monday, '09:00'), berlin(plusDays(monday, 7), '11:00'), berlin(plusDays(monday, 21), '11:00')]);

  // cancel this and all following from the second week; the detail lists the whole series first
  await page.locator('.fc-event', { hasText: 'Serie Klienty' }).click();
  await detail.getByText('Alle Termine der Serie').click();
  const occurrences = detail.getByTestId('series-occurrences').getByRole('listitem');
  await expect(occurrences).toHaveCount(4);
  await expect(occurrences.nth(2)).toContainText('übersprungen');
  await expect(occurrences.nth(3)).toContainText('11:00');
  await expect(detail.locator('[aria-current="true"]')).toContainText('11:00');
  await detail.getByText('Dieser und alle folgenden').click();
  await detail.getByRole('button', { name: 'Diesen und alle folgenden absagen' }).click();
  await detail.getByRole('button', { name: 'Ja, absagen' }).click();
  await expect(detail).toBeHidden();
  await expect(notice).toContainText('2 Termine der Serie abgesagt.');
  await expect(page.locator('.fc-event', { hasText: 'Serie Klienty' })).toHaveCount(0);
  const left = await series();
  expect(left.map((b) => b.start)).toEqual([berlin(monday, '09:00')]);
  const stored = await apiCall(p.token, 'GET', `/v1/booking-series/${left[0].seriesId}`);
  expect(stored.body.occurrences.map((o: { status: string }) => o.status)).toEqual(['CONFIRMED', 'CANCELLED', 'SKIPPED', 'CANCELLED']);
});

test('drag to move: an appointment dragged in the week grid lands at the new time, and the API has it there', async ({ page }) => {
  const p = await practice('drag');
  const roomId = await createRoom(p, 'Raum Kiefer');
  const monday = nextMonday();
  const r = await apiCall(p.token, 'POST', '/v1/bookings', { roomId, start: berlin(monday, '10:00'), end: berlin(monday, '10:50'), client: { name: 'Zieh Mich' } });
  expect(r.status).toBe(201);
  await loginInBrowser(page, p.email);
  await showWeek(page, monday, 'Raum Kiefer');
  const event = page.locator('.fc-event', { hasText: 'Zieh Mich' });
  await expect(event).toContainText('10:00 - 10:50');
  const thursday = plusDays(monday, 3);
  await drag(page, event, thursday, '14:00');
  await expect(page.getByRole('status').filter({ hasText: 'Termin verschoben.' })).toBeVisible();
  await expect(page.locator(`.fc-timegrid-col[data-date="${thursday}"] .fc-event`, { hasText: 'Zieh Mich' })).toContainText('14:00 - 14:50');
  const after = await apiCall(p.token, 'GET', `/v1/bookings/${r.body.id}`);
  expect(after.body).toMatchObject({ start: berlin(thursday, '14:00'), end: berlin(thursday, '14:50'), status: 'CONFIRMED' });
});

test('English UI: switched in the header, a booking made and its detail read in English', async ({ page }) => {
  const p = await practice('english');
  await createRoom(p, 'Room Oak');
  await loginInBrowser(page, p.email);
  await page.getByRole('radiogroup', { name: 'Sprache' }).getByText('EN').click();
  await expect(page.getByRole('heading', { name: 'Calendar', level: 2 })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Rooms', exact: true })).toBeVisible();
  const monday = nextMonday();
  await page.getByLabel('Go to date').fill(monday);
  await expect(page.locator(`.fc-timegrid-col[data-date="${monday}"]`)).toBeVisible();
  await expect(page.getByRole('group', { name: 'Rooms' }).locator('.mantine-Badge-label', { hasText: 'Room Oak' })).toBeVisible();
  await expect(page.locator('.fc-col-header-cell').first()).toContainText(/Mon/);
  await clickFreeTime(page, monday, '16:00');
  const dialog = page.getByRole('dialog', { name: 'Book an appointment' });
  await dialog.getByLabel(/^Client name/).fill('Alex English');
  await expectAccessible(page, 'booking dialog (en)');
  await dialog.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(dialog).toBeHidden();
  await page.locator('.fc-event', { hasText: 'Alex English' }).click();
  const detail = page.getByRole('dialog', { name: 'Appointment' });
  await expect(detail.getByTestId('booking-detail')).toContainText('Room Oak');
  await expect(detail.getByRole('button', { name: 'Cancel appointment' })).toBeVisible();
  await expectAccessible(page, 'booking detail (en)');
  await page.keyboard.press('Escape');
  // the choice holds after a reload
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Calendar', level: 2 })).toBeVisible();
});

test("a community member's block in a shared room is a bare \"belegt\" in the other practice's week: no title", async ({ page }) => {
  const anna = await practice('blockowner');
  const bernd = await practice('blockviewer');
  const room = await createRoom(anna, 'Raum Gemeinsam');
  const invitation = await apiCall(anna.token, 'POST', '/v1/community/invitations', { inviteeEmail: bernd.email });
  expect(invitation.status, JSON.stringify(invitation.body)).toBe(201);
  expect((await apiCall(bernd.token, 'POST', `/v1/community/invitations/${invitation.body.id}/accept`)).status).toBe(200);
  expect((await apiCall(anna.token, 'PATCH', `/v1/rooms/${room}`, { shared: true })).status).toBe(200);
  const monday = nextMonday();
  const block = await apiCall(anna.token, 'POST', '/v1/blocks', { roomId: room, start: berlin(monday, '13:00'), end: berlin(monday, '14:00'), title: 'Vertrauliche Supervision' });
  expect(block.status, JSON.stringify(block.body)).toBe(201);

  await loginInBrowser(page, bernd.email);
  await showWeek(page, monday, 'Raum Gemeinsam');
  const busy = page.locator(`.fc-timegrid-col[data-date="${monday}"] .fc-event.busy-block`);
  await expect(busy).toContainText('belegt');
  await expect(busy).toContainText('13:00 - 14:00');
  await expect(page.locator('.fc-event.own-block')).toHaveCount(0);
  expect(await page.evaluate(() => document.body.innerText)).not.toContain('Vertrauliche');
  // clicking it opens nothing
  await busy.click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
