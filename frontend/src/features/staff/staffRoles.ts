/** The staff roles and scopes as the API defines them (SECRETARY = appointments; ACCOUNTING = invoicing, reports, finances). */
export const SCOPES = ['appointments', 'documentation', 'invoicing', 'reports', 'finances', 'audit'] as const;
export type Scope = (typeof SCOPES)[number];
export type Role = 'SECRETARY' | 'ACCOUNTING' | 'CUSTOM';
export const ROLES: Role[] = ['SECRETARY', 'ACCOUNTING', 'CUSTOM'];
export const ROLE_SCOPES: Record<Role, Scope[]> = {
  SECRETARY: ['appointments'],
  ACCOUNTING: ['invoicing', 'reports', 'finances'],
  CUSTOM: [],
};

/** The scopes a member ends up with: the role's plus the extra ones, in the API's order. */
export function effectiveScopes(role: Role, extra: readonly string[]): Scope[] {
  const all = new Set<string>([...ROLE_SCOPES[role], ...extra]);
  return SCOPES.filter((s) => all.has(s));
}

/**
 * The role that reads best for a member's scopes (the API answers scopes only): exactly a built-in role's scopes
 * is that role, anything else is CUSTOM with its scopes.
 */
export function roleOf(scopes: readonly string[]): Role {
  const set = new Set(scopes);
  for (const role of ['SECRETARY', 'ACCOUNTING'] as const) {
    const own = ROLE_SCOPES[role];
    if (own.length === set.size && own.every((s) => set.has(s))) return role;
  }
  return 'CUSTOM';
}

/** What to send: a built-in role without extras, or CUSTOM with every chosen scope (at least one). */
export function requestFor(role: Role, extra: readonly string[]): { role: Role; scopes?: Scope[] } {
  const scopes = effectiveScopes(role, extra);
  if (role !== 'CUSTOM' && scopes.length === ROLE_SCOPES[role].length) return { role };
  return { role: 'CUSTOM', scopes };
}
