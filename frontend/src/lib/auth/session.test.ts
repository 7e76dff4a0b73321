import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REFRESH_KEY, Session } from './session';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

/** A stand-in for Cognito's InitiateAuth (the real one is exercised by the Chromium suite against moto). */
function cognito(responses: Array<{ ok: boolean; body: unknown }>) {
  const calls: Array<{ flow: string; params: Record<string, string> }> = [];
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body));
    calls.push({ flow: body.AuthFlow, params: body.AuthParameters });
    const next = responses.shift()!;
    return { ok: next.ok, json: async () => next.body } as Response;
  });
  return calls;
}

const tokens = (access: string, refresh?: string) => ({
  ok: true,
  body: { AuthenticationResult: { AccessToken: access, IdToken: `id-${access}`, ExpiresIn: 3600, ...(refresh ? { RefreshToken: refresh } : {}) } },
});

describe('login session', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  const config = async () => ({ region: 'eu-central-1', clientId: 'c1', cognitoEndpoint: 'http://127.0.0.1:5055' });

  it('keeps tokens in memory, only the refresh token in the given (session) storage', async () => {
    const storage = memoryStorage();
    cognito([tokens('a1', 'r1')]);
    const session = new Session(config, storage, () => Date.now());
    await session.login('a@b.de', 'pw');
    expect(session.accessToken).toBe('a1');
    expect([...storage.data.entries()]).toEqual([[REFRESH_KEY, 'r1']]);
  });

  it('refreshes silently a minute before expiry and keeps the refresh token Cognito does not resend', async () => {
    const storage = memoryStorage();
    const calls = cognito([tokens('a1', 'r1'), tokens('a2')]);
    const session = new Session(config, storage, () => Date.now());
    await session.login('a@b.de', 'pw');
    await vi.advanceTimersByTimeAsync(3600_000 - 60_000);
    expect(calls.map((c) => c.flow)).toEqual(['USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH']);
    expect(calls[1].params).toEqual({ REFRESH_TOKEN: 'r1' });
    expect(session.accessToken).toBe('a2');
    expect(storage.getItem(REFRESH_KEY)).toBe('r1');
  });

  it('a reload signs in again from the stored refresh token; a refused one signs out', async () => {
    const storage = memoryStorage();
    storage.setItem(REFRESH_KEY, 'r1');
    cognito([tokens('a3'), { ok: false, body: { __type: 'NotAuthorizedException', message: 'expired' } }]);
    const session = new Session(config, storage, () => Date.now());
    expect(await session.resume()).toBe(true);
    expect(session.accessToken).toBe('a3');
    expect(await session.refresh()).toBe(false);
    expect(session.signedIn).toBe(false);
    expect(storage.getItem(REFRESH_KEY)).toBeNull();
  });

  it('a 401 ends the session and tells the app to show the login', async () => {
    const storage = memoryStorage();
    cognito([tokens('a1', 'r1')]);
    const session = new Session(config, storage, () => Date.now());
    const seen: boolean[] = [];
    session.onChange((s) => seen.push(s));
    await session.login('a@b.de', 'pw');
    session.expire();
    expect(seen).toEqual([true, false]);
    expect(session.expired).toBe(true);
    expect(session.accessToken).toBeNull();
    expect(storage.data.size).toBe(0);
  });
});
