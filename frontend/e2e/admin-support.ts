import { expect, type Browser } from '@playwright/test';
import { apiCall, cognitoLogin, setPermanentPassword, uniqueEmail, type Practice } from './support';

/**
 * Set-up helpers for the practice-administration specs (grants, staff, audit, integrations): everything through the
 * real API and Cognito endpoint of the local stack.
 */

/**
 * A staff member added through POST /v1/staff; the Cognito invitation is completed the way the invited person
 * would (a permanent password, AdminSetUserPassword on the local Cognito endpoint), then logged in.
 */
export async function staffMember(owner: Practice, role: 'SECRETARY' | 'ACCOUNTING' | 'CUSTOM', scopes?: string[]) {
  const email = uniqueEmail(role.toLowerCase());
  const added = await apiCall(owner.token, 'POST', '/v1/staff', { email, role, ...(scopes ? { scopes } : {}) });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  await setPermanentPassword(email);
  return { email, token: await cognitoLogin(email), userId: added.body.userId as string };
}

/** A confirmed booking through the API, with the client's full contact data. */
export async function book(p: Practice, roomId: string, start: string, end: string, client: { name: string; email?: string; phone?: string }) {
  const r = await apiCall(p.token, 'POST', '/v1/bookings', { roomId, start, end, client });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

export async function freshPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}
