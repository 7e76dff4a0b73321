import type { T } from '../../i18n/i18n';

/** A non-2xx answer of the API: `{"error":{"code","message","field?"}}`, or the gateway's own 401/404. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function toApiError(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: string; message?: string; field?: string } } | null)?.error;
  if (error?.code) return new ApiError(status, error.code, error.message ?? error.code, error.field);
  const gatewayMessage = (body as { message?: string } | null)?.message;
  const code = status === 401 ? 'UNAUTHENTICATED' : status === 404 ? 'NOT_FOUND' : status === 403 ? 'FORBIDDEN' : `HTTP_${status}`;
  return new ApiError(status, code, gatewayMessage ?? code);
}

/** What a therapist reads for an error: one sentence per stable API code, never the raw server text. */
export function errorMessage(t: T, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'VALIDATION_FAILED' && error.field) {
      return t('error.VALIDATION_FAILED.field', { field: error.field });
    }
    const key = `error.${error.code}`;
    const text = t(key);
    return text === key ? t('error.unknown', { code: error.code }) : text;
  }
  if (error instanceof TypeError) return t('error.network');
  return t('common.error');
}
