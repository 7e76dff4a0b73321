import { toApiError } from './errors';

/**
 * For public routes whose contract is agreed but not yet in openapi.yaml (sign-up confirmation): a plain JSON
 * POST with the same error handling as the typed client. Move each call to `api.POST` once the path is in the spec.
 */
export async function postJson(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : null;
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed;
}
