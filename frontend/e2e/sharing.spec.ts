import { test, expect } from '@playwright/test';
import { apiCall, berlin, createRoom, expectAccessible, gotoWeek, loginInBrowser, nextMonday, pageText, practice, screenshot } from './support';

test('two practices form a community in two browsers, share a room, and each sees the other\'s booking only as "belegt"', async ({ browser }) => {
  const anna = await practice('anna', 'M', 'Praxis Anna');
  const bernd = await practice('bernd', 'M', 'Praxis Bernd');
  const annaRoom = await createRoom(anna, 'Raum Anna');
  await createRoom(bernd, 'Raum Bernd');
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await loginInBrowser(a, anna.email);
  await loginInBrowser(b, bernd.email);

  // Anna invites Bernd; Bernd accepts in his browser
  await a.getByRole('link', { name: 'Kalendergemeinschaft' }).click();
  await a.getByLabel(/^E-Mail der Therapeuty/).fill(bernd.email);
  await a.getByRole('button', { name: 'Einladen' }).click();
  await expect(a.getByText('Einladung verschickt.')).toBeVisible();
  await b.getByRole('link', { name: 'Kalendergemeinschaft' }).click();
  await expect(b.getByTestId('incoming-invitation')).toContainText('von Praxis Anna');
  await expectAccessible(b, 'community');
  await b.getByRole('button', { name: 'Annehmen' }).click();
  // until the refetch lands, the accepted invitation still names Praxis Anna too: wait for it to go
  await expect(b.getByTestId('incoming-invitation')).toHaveCount(0);
  await expect(b.getByRole('listitem').filter({ hasText: 'Praxis Anna' })).toBeVisible();
  await expect(b.getByText('Praxis Bernd (Sie)')).toBeVisible();
  await screenshot(b, 'community');

  // Anna shares her room
  await a.getByRole('link', { name: 'Räume', exact: true }).click();
  await a.getByRole('switch', { name: /Raum Anna/ }).click();
  await expect(a.getByRole('switch', { name: /Raum Anna/ })).toBeChecked();

  // each books her/his own client in Anna's shared room
  const monday = nextMonday();
  const own = await apiCall(anna.token, 'POST', '/v1/bookings', { roomId: annaRoom, start: berlin(monday, '09:00'), end: berlin(monday, '09:50'), client: { name: 'Anna Klientin Geheim', email: 'geheim@anna.test', phone: '+49 111' } });
  expect(own.status).toBe(201);
  const theirs = await apiCall(bernd.token, 'POST', '/v1/bookings', { roomId: annaRoom, start: berlin(monday, '11:00'), end: berlin(monday, '11:50'), client: { name: 'Bernd Klient Vertraulich', email: 'vertraulich@bernd.test', phone: '+49 222' } });
  expect(theirs.status, JSON.stringify(theirs.body)).toBe(201);

  for (const [page, mine, other] of [[a, 'Anna Klientin Geheim', 'Bernd Klient Vertraulich'], [b, 'Bernd Klient Vertraulich', 'Anna Klientin Geheim']] as const) {
    await page.getByRole('link', { name: 'Kalender', exact: true }).click();
    await gotoWeek(page, monday);
    await expect(page.locator('.fc-event.own-booking', { hasText: mine })).toBeVisible();
    const busy = page.locator('.fc-event.busy-block');
    await expect(busy).toHaveCount(1);
    await expect(busy).toContainText('belegt');
    await expect(busy).toContainText('Raum Anna');
    const text = await pageText(page);
    expect(text).not.toContain(other);
    expect(text).not.toMatch(/geheim@anna|vertraulich@bernd|\+49 111|\+49 222/);
    // a busy block opens nothing
    await busy.click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
  await expectAccessible(a, 'calendar with busy blocks');
  await screenshot(a, 'calendar-community');
});

// The grantee ("Erika M." only, offer declined and accepted) and the secretary (first login with an own password,
// no invoices) are proven once, in practice-admin.spec.ts.
