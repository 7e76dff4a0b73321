import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ApiError, errorMessage, toApiError } from './errors';
import { translate } from '../../i18n/i18n';
import de from '../../i18n/de.json';
import en from '../../i18n/en.json';

const tDe = (k: string, p?: Record<string, string | number>) => translate('de', k, p);
const tEn = (k: string, p?: Record<string, string | number>) => translate('en', k, p);

describe('error messages per API code', () => {
  it('ROOM_TAKEN and QUOTA_EXCEEDED read as plain words, not codes', () => {
    const taken = toApiError(409, { error: { code: 'ROOM_TAKEN', message: 'room r1 is booked 10:00-10:50' } });
    expect(errorMessage(tDe, taken)).toBe('Der Raum ist zu dieser Zeit schon belegt. Bitte wählen Sie eine andere Zeit oder einen anderen Raum.');
    expect(errorMessage(tEn, taken)).toMatch(/already booked/);
    const quota = toApiError(409, { error: { code: 'QUOTA_EXCEEDED', message: 'x' } });
    expect(errorMessage(tDe, quota)).toMatch(/keine weiteren Termine/);
  });

  it('names the field of a validation error', () => {
    const invalid = toApiError(422, { error: { code: 'VALIDATION_FAILED', message: 'bad', field: 'client.email' } });
    expect(errorMessage(tDe, invalid)).toBe('Bitte prüfen Sie das Feld „client.email“.');
  });

  it('the gateway answers (401/404 without an error object) get codes too', () => {
    expect(toApiError(401, { message: 'Unauthorized' }).code).toBe('UNAUTHENTICATED');
    expect(toApiError(404, { message: 'Not Found' }).code).toBe('NOT_FOUND');
  });

  it('an unknown code shows the code rather than a server text; a network failure says so', () => {
    expect(errorMessage(tDe, new ApiError(409, 'SOMETHING_NEW', 'internal detail'))).toBe('Etwas ist schiefgegangen (SOMETHING_NEW).');
    expect(errorMessage(tDe, new TypeError('Failed to fetch'))).toBe('Keine Verbindung zum Server.');
  });

  it('every error code the backend defines has a German and an English message', () => {
    // every code of the backend's ErrorCodes, so a code added there without words here fails this test
    const java = readFileSync(fileURLToPath(new URL('../../../../shared/src/main/java/com/practicecal/shared/error/ErrorCodes.java', import.meta.url)), 'utf8');
    const codes = [...java.matchAll(/static final String (\w+) = "(\w+)"/g)].map((m) => m[2]);
    expect(codes.length).toBeGreaterThan(40);
    const missing = codes.flatMap((c) => [
      ...(c in de || `error.${c}` in de ? [] : [`de:${c}`]),
      ...(`error.${c}` in en ? [] : [`en:${c}`]),
    ]);
    expect(missing).toEqual([]);
  });

  it('German and English catalogues have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
  });
});
