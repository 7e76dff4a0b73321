import { expect, type Page, type Browser } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';

export const BASE = process.env.PRACTICECAL_BASE_URL ?? 'http://127.0.0.1:3000';
export const PASSWORD = 'E2ePractice2026';
export const SCREENSHOTS = '../target/e2e/screenshots';

let counter = 0;
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@e2e.test`;
}

interface Config {
  region: string;
  clientId: string;
  cognitoEndpoint?: string;
}
let config: Config | null = null;
async function publicConfig(): Promise<Config> {
  config ??= (await (await fetch(`${BASE}/v1/public/config`)).json()) as Config;
  return config;
}

/** The API as a second client would use it (for set-up and for concurrent changes behind the page's back). */
export async function apiCall(token: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

export async function cognitoLogin(email: string, password = PASSWORD): Promise<string> {
  const c = await publicConfig();
  const endpoint = c.cognitoEndpoint ?? `https://cognito-idp.${c.region}.amazonaws.com`;
  const response = await fetch(endpoint.endsWith('/') ? endpoint : `${endpoint}/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
    body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: c.clientId, AuthParameters: { USERNAME: email, PASSWORD: password } }),
  });
  const body = (await response.json()) as { AuthenticationResult?: { AccessToken: string } };
  if (!body.AuthenticationResult) throw new Error(`login of ${email} failed: ${JSON.stringify(body)}`);
  return body.AuthenticationResult.AccessToken;
}

/** The code the local stack would have mailed (local only: GET /_local/confirmation-code). */
export async function confirmationCode(email: string): Promise<string> {
  const r = await apiCall(null, 'GET', `/_local/confirmation-code?email=${encodeURIComponent(email)}`);
  expect(r.status, `confirmation code for ${email}`).toBe(200);
  return r.body.code as string;
}

export interface Practice {
  email: string;
  token: string;
  accountId: string;
  userId: string;
}

/** A practice signed up, confirmed and logged in through the API. */
export async function practice(prefix: string, plan: 'S' | 'M' | 'L' | 'XL' = 'M', practiceName = `Praxis ${prefix}`): Promise<Practice> {
  const email = uniqueEmail(prefix);
  const signup = await apiCall(null, 'POST', '/v1/signup', { email, password: PASSWORD, practiceName, plan, timeZone: 'Europe/Berlin' });
  expect(signup.status, JSON.stringify(signup.body)).toBe(202);
  const confirmed = await apiCall(null, 'POST', '/v1/signup/confirm', { email, code: await confirmationCode(email), password: PASSWORD });
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
  const token = await cognitoLogin(email);
  const me = await apiCall(token, 'GET', '/v1/me');
  return { email, token, accountId: me.body.accountId, userId: me.body.userId };
}

export async function createRoom(p: Practice, name: string): Promise<string> {
  const r = await apiCall(p.token, 'POST', '/v1/rooms', { name });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

export async function loginInBrowser(page: Page, email: string, password = PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('E-Mail').fill(email);
  await page.getByLabel(/^Passwort/).fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('heading', { name: 'Kalender', level: 2 })).toBeVisible();
}

export async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

/** axe: no serious or critical violation (WCAG 2 A/AA rules). */
export async function expectAccessible(page: Page, name: string) {
  // A dialog still fading in has translucent text, which axe reports as low contrast: check the settled page.
  // Endless animations (spinners) are skipped: they never settle and carry no text.
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.effect?.getComputedTiming().iterations === Infinity || (a.playState !== 'running' && !a.pending)),
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: false });
}

/** Next week's Monday (so bookings are in the future), as yyyy-mm-dd in Europe/Berlin. */
export function nextMonday(): string {
  const now = new Date();
  const day = (now.getUTCDay() + 6) % 7; // 0 = Monday
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - day + 7));
  return monday.toISOString().slice(0, 10);
}

/** "2026-12-07", "10:00" in Berlin to an ISO instant (winter or summer offset). */
export function berlin(date: string, time: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  const berlinHour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', hour12: false }).format(guess));
  const offsetHours = ((berlinHour - guess.getUTCHours() + 36) % 24) - 12;
  const sign = offsetHours >= 0 ? '+' : '-';
  return `${date}T${time}:00${sign}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
}

/** Clicks the free time at `time` on `date` in the visible week grid, as a therapist would. */
export async function clickFreeTime(page: Page, date: string, time: string) {
  const column = page.locator(`.fc-timegrid-col[data-date="${date}"]`);
  const row = page.locator(`td.fc-timegrid-slot-lane[data-time="${time}:00"]`);
  await row.scrollIntoViewIfNeeded();
  const c = await column.boundingBox();
  const r = await row.boundingBox();
  if (!c || !r) throw new Error(`no grid cell for ${date} ${time}`);
  await page.mouse.click(c.x + c.width / 2, r.y + r.height / 2);
}

/** Shows the week containing `date`. */
export async function gotoWeek(page: Page, date: string) {
  await page.getByLabel('Gehe zu Datum').fill(date);
  await expect(page.locator(`.fc-timegrid-col[data-date="${date}"]`)).toBeVisible();
}

/**
 * Completes a staff member's Cognito invitation as the invited person would (a permanent password), through moto's
 * AdminSetUserPassword (moto checks no signature; the credential scope names the region).
 */
export async function setPermanentPassword(email: string, password = PASSWORD, permanent = true) {
  const c = (await (await fetch(`${BASE}/v1/public/config`)).json()) as Config & { userPoolId: string };
  const endpoint = c.cognitoEndpoint ?? '';
  const response = await fetch(endpoint.endsWith('/') ? endpoint : `${endpoint}/`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.AdminSetUserPassword',
      Authorization: `AWS4-HMAC-SHA256 Credential=test/20260101/${c.region}/cognito-idp/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify({ UserPoolId: c.userPoolId, Username: email, Password: password, Permanent: permanent }),
  });
  expect(response.status, await response.text()).toBe(200);
}

/** The page's whole text, to prove what it does not contain. */
export async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}
