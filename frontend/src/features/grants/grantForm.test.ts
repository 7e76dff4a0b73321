import { describe, expect, it } from 'vitest';
import { allows, expiryInstant, grantorName, scopesFor } from './grantForm';

describe('grant form', () => {
  it('writing implies reading', () => {
    expect(scopesFor('read')).toEqual(['appointments:read']);
    expect(scopesFor('write')).toEqual(['appointments:read', 'appointments:write']);
  });

  it('an empty expiry means open-ended', () => {
    expect(expiryInstant('', () => 'x')).toBeUndefined();
    expect(expiryInstant('2027-03-31', (d) => `${d}T23:59:59+02:00`)).toBe('2027-03-31T23:59:59+02:00');
  });

  it('only an active, unexpired grant allows, and only its scopes', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const active = { status: 'ACTIVE', scopes: ['appointments:read'] };
    expect(allows(active, 'appointments:read', now)).toBe(true);
    expect(allows(active, 'appointments:write', now)).toBe(false);
    expect(allows({ ...active, status: 'OFFERED' }, 'appointments:read', now)).toBe(false);
    expect(allows({ ...active, expiresAt: '2026-12-01T09:59:59Z' }, 'appointments:read', now)).toBe(false);
    expect(allows({ ...active, expiresAt: '2026-12-02T00:00:00Z' }, 'appointments:read', now)).toBe(true);
  });

  it('the granting practice is named by its name, by its account id when the list has none', () => {
    expect(grantorName({ accountId: 'a1', practiceName: 'Praxis Linde' })).toBe('Praxis Linde');
    expect(grantorName({ accountId: 'a1' })).toBe('a1');
  });
});
