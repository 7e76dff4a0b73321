/** The two Cognito calls the app makes (InitiateAuth with USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH). */
export interface LoginConfig {
  region: string;
  clientId: string;
  cognitoEndpoint?: string;
}

export interface Tokens {
  accessToken: string;
  idToken: string;
  /** Cognito does not return a new refresh token on refresh: keep the old one then. */
  refreshToken?: string;
  /** epoch ms */
  expiresAt: number;
}

export class CognitoError extends Error {
  constructor(readonly type: string, message: string) {
    super(message);
    this.name = 'CognitoError';
  }
}

export function cognitoUrl(config: LoginConfig): string {
  const base = config.cognitoEndpoint ?? `https://cognito-idp.${config.region}.amazonaws.com`;
  return base.endsWith('/') ? base : `${base}/`;
}

/** An invited staff member logs in with the temporary password and must choose a new one first. */
export class NewPasswordRequired extends Error {
  constructor(readonly email: string, readonly session: string) {
    super('NEW_PASSWORD_REQUIRED');
    this.name = 'NewPasswordRequired';
  }
}

async function cognitoCall(config: LoginConfig, target: string, payload: unknown, now: () => number, email?: string) {
  const response = await fetch(cognitoUrl(config), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${target}`,
    },
    body: JSON.stringify(payload),
  });
  const body = (await response.json().catch(() => ({}))) as {
    __type?: string;
    message?: string;
    ChallengeName?: string;
    Session?: string;
    AuthenticationResult?: { AccessToken: string; IdToken: string; RefreshToken?: string; ExpiresIn: number };
  };
  if (response.ok && body.ChallengeName === 'NEW_PASSWORD_REQUIRED' && body.Session && email) {
    throw new NewPasswordRequired(email, body.Session);
  }
  if (!response.ok || !body.AuthenticationResult) {
    const type = (body.__type ?? 'UnknownError').split('#').pop() ?? 'UnknownError';
    throw new CognitoError(type, body.message ?? type);
  }
  const result = body.AuthenticationResult;
  return {
    accessToken: result.AccessToken,
    idToken: result.IdToken,
    refreshToken: result.RefreshToken,
    expiresAt: now() + result.ExpiresIn * 1000,
  } satisfies Tokens;
}

export function passwordLogin(config: LoginConfig, email: string, password: string, now = Date.now) {
  return cognitoCall(config, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: config.clientId, AuthParameters: { USERNAME: email, PASSWORD: password } }, now, email);
}

export function refreshLogin(config: LoginConfig, refreshToken: string, now = Date.now) {
  return cognitoCall(config, 'InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: config.clientId, AuthParameters: { REFRESH_TOKEN: refreshToken } }, now);
}

export function newPasswordLogin(config: LoginConfig, challenge: NewPasswordRequired, newPassword: string, now = Date.now) {
  return cognitoCall(config, 'RespondToAuthChallenge', {
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    ClientId: config.clientId,
    Session: challenge.session,
    ChallengeResponses: { USERNAME: challenge.email, NEW_PASSWORD: newPassword },
  }, now);
}
