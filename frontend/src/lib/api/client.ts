import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { ApiError, toApiError } from './errors';
import { Session } from '../auth/session';

export type Schemas = components['schemas'];
export type Account = Schemas['Account'];
export type Booking = Schemas['Booking'];
export type Calendar = Schemas['Calendar'];
export type Room = Schemas['Room'];
export type PublicConfig = Schemas['PublicConfig'];
export type BookingSettings = Schemas['BookingSettings'];
export type Block = Schemas['Block'];
export type BlockRequest = Schemas['BlockRequest'];
export type BlockSeries = Schemas['BlockSeries'];
export type BlockSeriesChanged = Schemas['BlockSeriesChanged'];
export type BlockSeriesChangeRequest = Schemas['BlockSeriesChangeRequest'];
export type BlockUpdateRequest = Schemas['BlockUpdateRequest'];
export type SeriesRequest = Schemas['SeriesRequest'];
export type Series = Schemas['Series'];
export type SeriesCreated = Schemas['SeriesCreated'];
export type SeriesChanged = Schemas['SeriesChanged'];
export type SeriesChangeRequest = Schemas['SeriesChangeRequest'];
export type SeriesPreview = NonNullable<paths['/v1/booking-series/preview']['post']['responses']['200']['content']['application/json']>;

/** Same origin: the app and the API are served together, locally and behind CloudFront. */
export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '' });

let configPromise: Promise<PublicConfig> | null = null;
export function publicConfig(): Promise<PublicConfig> {
  configPromise ??= api.GET('/v1/public/config').then(({ data, error, response }) => {
    if (!data) {
      configPromise = null;
      throw toApiError(response.status, error);
    }
    return data;
  });
  return configPromise;
}

export const session = new Session(async () => {
  const c = await publicConfig();
  return { region: c.region, clientId: c.clientId, cognitoEndpoint: c.cognitoEndpoint };
});

const PUBLIC_PREFIX = '/v1/public/';

const auth: Middleware = {
  async onRequest({ request }) {
    if (new URL(request.url).pathname.startsWith(PUBLIC_PREFIX)) return request;
    let token = session.accessToken;
    if (!token && session.signedIn) {
      await session.refresh();
      token = session.accessToken;
    }
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  async onResponse({ response, request }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith(PUBLIC_PREFIX)) {
      session.expire();
    }
    return response;
  },
};
api.use(auth);

/** Unwraps an openapi-fetch result: the data, or an {@link ApiError} thrown for TanStack Query. */
export async function call<D>(
  promise: Promise<{ data?: D; error?: unknown; response: Response }>,
): Promise<D> {
  const { data, error, response } = await promise;
  if (!response.ok) throw toApiError(response.status, error);
  return data as D;
}

export function idempotencyKey(): string {
  return crypto.randomUUID();
}

export { ApiError };
