import type { GrantScope } from './useOfferGrant';

/** The offer form's choice as the API's scopes: writing implies reading. */
export function scopesFor(access: 'read' | 'write'): GrantScope[] {
  return access === 'write' ? ['appointments:read', 'appointments:write'] : ['appointments:read'];
}

/** "2027-03-31" (a date input, practice zone) as the end of that day, or nothing for an open-ended grant. */
export function expiryInstant(date: string, endOfDay: (date: string) => string): string | undefined {
  return date ? endOfDay(date) : undefined;
}

/** Is the grant usable for this scope right now (ACTIVE and not past its expiry)? */
export function allows(grant: { status: string; scopes: string[]; expiresAt?: string }, scope: GrantScope, now = new Date()): boolean {
  if (grant.status !== 'ACTIVE') return false;
  if (grant.expiresAt && new Date(grant.expiresAt) <= now) return false;
  return grant.scopes.includes(scope);
}

/** The granting practice as the grantee reads it: its name, else (grants listed before names were) its account id. */
export function grantorName(g: { accountId: string; practiceName?: string }): string {
  return g.practiceName ?? g.accountId;
}
