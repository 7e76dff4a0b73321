/**
 * The password typed at sign-up, kept in memory only (never in storage or history state) so that the confirmation
 * step, which must repeat it, does not ask again; a reload forgets it and the confirm form asks for it.
 */
let pending: { email: string; password: string } | null = null;

export function rememberSignup(email: string, password: string) {
  pending = { email, password };
}

export function pendingPassword(email: string): string | null {
  return pending && pending.email === email ? pending.password : null;
}

export function forgetSignup() {
  pending = null;
}
