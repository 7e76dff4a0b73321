import { newPasswordLogin, passwordLogin, refreshLogin, type LoginConfig, type NewPasswordRequired, type Tokens } from './cognito';

/** sessionStorage (never localStorage): the refresh token survives a reload of this tab, not the browser. */
export const REFRESH_KEY = 'practicecal.refresh';
/** Refresh this long before the access token expires. */
export const REFRESH_MARGIN_MS = 60_000;

type Listener = (signedIn: boolean) => void;

/**
 * The login session: access and id token only in memory, the refresh token at most in sessionStorage; a timer
 * refreshes silently before expiry; {@link expire} (on a 401) drops everything and tells the app to show the login.
 */
export class Session {
  private tokens: Tokens | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private listeners = new Set<Listener>();
  private refreshing: Promise<boolean> | null = null;
  expired = false;

  constructor(
    private readonly config: () => Promise<LoginConfig>,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null = globalThis.sessionStorage ?? null,
    private readonly now: () => number = Date.now,
  ) {}

  get accessToken(): string | null {
    return this.tokens && this.tokens.expiresAt > this.now() ? this.tokens.accessToken : null;
  }

  get signedIn(): boolean {
    return this.tokens !== null;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async login(email: string, password: string): Promise<void> {
    this.accept(await passwordLogin(await this.config(), email, password, this.now));
    this.expired = false;
  }

  /** Completes an invitation: the new password replaces the temporary one and signs in. */
  async completeNewPassword(challenge: NewPasswordRequired, newPassword: string): Promise<void> {
    this.accept(await newPasswordLogin(await this.config(), challenge, newPassword, this.now));
    this.expired = false;
  }

  /** On start: a refresh token from this tab's earlier page load signs in again without the password. */
  async resume(): Promise<boolean> {
    if (this.tokens) return true;
    if (!this.storage?.getItem(REFRESH_KEY)) return false;
    return this.refresh();
  }

  /** One refresh at a time; false (and signed out) when Cognito refuses the refresh token. */
  refresh(): Promise<boolean> {
    if (this.refreshing) return this.refreshing;
    const refreshToken = this.tokens?.refreshToken ?? this.storage?.getItem(REFRESH_KEY);
    if (!refreshToken) return Promise.resolve(false);
    this.refreshing = (async () => {
      try {
        const fresh = await refreshLogin(await this.config(), refreshToken, this.now);
        this.accept({ ...fresh, refreshToken: fresh.refreshToken ?? refreshToken });
        return true;
      } catch {
        this.clear();
        return false;
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  logout(): void {
    this.expired = false;
    this.clear();
  }

  /** The API answered 401: the session is over, the app shows the login with a hint. */
  expire(): void {
    if (!this.tokens) return;
    this.expired = true;
    this.clear();
  }

  private accept(tokens: Tokens): void {
    const wasSignedIn = this.signedIn;
    this.tokens = tokens;
    if (tokens.refreshToken) this.storage?.setItem(REFRESH_KEY, tokens.refreshToken);
    this.schedule();
    if (!wasSignedIn) this.emit();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    if (!this.tokens) return;
    const delay = Math.max(5_000, this.tokens.expiresAt - this.now() - REFRESH_MARGIN_MS);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private clear(): void {
    const wasSignedIn = this.signedIn;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.tokens = null;
    this.storage?.removeItem(REFRESH_KEY);
    if (wasSignedIn) this.emit();
  }

  private emit(): void {
    this.listeners.forEach((l) => l(this.signedIn));
  }
}
