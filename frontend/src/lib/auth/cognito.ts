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

async function initiateAuth(config: LoginConfig, flow: string, parameters: Record<string, string>, now: () => number) {
  const response = await fetch(cognitoUrl(config), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    },
    body: JSON.stringify({ AuthFlow: flow, ClientId: config.clientId, AuthParameters: parameters }),
  });
  const body = (await response.json().catch(() => ({}))) as {
    __type?: string;
    message?: string;
    AuthenticationResult?: { AccessToken: string; IdToken: string; RefreshToken?: string; ExpiresIn: number };
  };
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
  return initiateAuth(config, 'USER_PASSWORD_AUTH', { USERNAME: email, PASSWORD: password }, now);
}

export function refreshLogin(config: LoginConfig, refreshToken: string, now = Date.now) {
  return initiateAuth(config, 'REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: refreshToken }, now);
}
