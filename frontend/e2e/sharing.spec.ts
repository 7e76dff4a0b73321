import { test, expect } from '@playwright/test';
import {
  PASSWORD, apiCall, berlin, createRoom, expectAccessible, gotoWeek, loginInBrowser, nextMonday, pageText, practice, screenshot, setPermanentPassword, uniqueEmail,
} from './support';

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

test('a grantee sees the colleague\'s appointments with "Erika M." only', async ({ page }) => {
  const owner = await practice('grantor', 'L', 'Praxis Groß');
  const colleague = await practice('grantee', 'M', 'Praxis Kollegin');
  const room = await createRoom(owner, 'Raum Eiche');
  const monday = nextMonday();
  expect((await apiCall(owner.token, 'POST', '/v1/bookings', { roomId: room, start: berlin(monday, '10:00'), end: berlin(monday, '10:50'), client: { name: 'Erika Mustermann', email: 'erika@example.test' } })).status).toBe(201);
  const grant = await apiCall(owner.token, 'POST', '/v1/grants', { granteeEmail: colleague.email, scopes: ['appointments:read'] });
  expect(grant.status, JSON.stringify(grant.body)).toBe(201);
  expect(grant.body.status).toBe('OFFERED');

  // the colleague accepts the offer on the grants page (plan M: the page shows the received offers, not the form)
  await loginInBrowser(page, colleague.email);
  await expect(page.getByRole('link', { name: 'Kalender von Kolleg*innen' })).toHaveCount(0);
  await page.goto('/grants');
  await page.getByRole('button', { name: 'Annehmen' }).click();
  await expect(page.getByRole('link', { name: 'Kalender öffnen' })).toBeVisible();
  await page.getByRole('link', { name: 'Kalender von Kolleg*innen' }).click();
  await page.getByRole('link', { name: owner.accountId }).click();
  await gotoWeek(page, monday);
  await expect(page.locator('.fc-event', { hasText: 'Erika M.' })).toBeVisible();
  const text = await pageText(page);
  expect(text).not.toContain('Mustermann');
  expect(text).not.toContain('erika@example.test');
  await expectAccessible(page, 'delegated calendar');
});

test('a secretary works in the calendar and does not see invoices', async ({ page }) => {
  const owner = await practice('xl', 'XL', 'Praxis XL');
  await createRoom(owner, 'Raum Birke');
  const email = uniqueEmail('secretary');
  const added = await apiCall(owner.token, 'POST', '/v1/staff', { email, role: 'SECRETARY' });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  // the invitation's temporary password: the first login asks for an own password
  await setPermanentPassword(email, 'Einladung-2026x', false);
  await page.goto('/login');
  await page.getByLabel(/^E-Mail/).fill(email);
  await page.getByLabel(/^Passwort/).fill('Einladung-2026x');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByText('Willkommen im Team!')).toBeVisible();
  await expectAccessible(page, 'new password');
  await page.getByLabel(/^Neues Passwort/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Kalender', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await loginInBrowser(page, email);
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(nav.getByRole('link', { name: 'Kalender', exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Rechnungen' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Team' })).toHaveCount(0);
  await page.goto('/invoices');
  await expect(page).toHaveURL(/\/calendar$/);
  await expect(page.getByRole('heading', { name: 'Rechnungen' })).toHaveCount(0);
  await expectAccessible(page, 'secretary calendar');

  // the owner (XL) sees invoices and the team
  const ownerPage = await (await page.context().browser()!.newContext()).newPage();
  await loginInBrowser(ownerPage, owner.email);
  await ownerPage.getByRole('link', { name: 'Rechnungen' }).click();
  await expect(ownerPage.getByRole('heading', { name: 'Rechnungen' })).toBeVisible();
  await ownerPage.getByRole('link', { name: 'Team' }).click();
  await expect(ownerPage.getByText(email)).toBeVisible();
  await expectAccessible(ownerPage, 'staff');
});
