import type { ClientInput, ClientRecord, ClientUpdate } from './clientsApi';

/** The record form as typed: every field a string, empty = not given. */
export interface ClientFormValue {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  birthDate: string;
  notes: string;
}

export const EMPTY_CLIENT: ClientFormValue = { firstName: '', lastName: '', email: '', phone: '', birthDate: '', notes: '' };

export function formOf(record: ClientRecord): ClientFormValue {
  return {
    firstName: record.firstName,
    lastName: record.lastName,
    email: record.email ?? '',
    phone: record.phone ?? '',
    birthDate: record.birthDate ?? '',
    notes: record.notes ?? '',
  };
}

const OPTIONAL = ['email', 'phone', 'birthDate', 'notes'] as const;

/** POST body: names trimmed, empty optional fields left out (the API refuses an empty email). */
export function createBody(v: ClientFormValue): ClientInput {
  const body: ClientInput = { firstName: v.firstName.trim(), lastName: v.lastName.trim() };
  for (const key of OPTIONAL) {
    const value = key === 'notes' ? v[key] : v[key].trim();
    if (value.trim()) body[key] = value;
  }
  return body;
}

/**
 * PATCH body: only what changed; a cleared optional field is sent as "" (the API's way to clear it).
 * Null when nothing changed (the API refuses an empty PATCH).
 */
export function updateBody(before: ClientFormValue, v: ClientFormValue): ClientUpdate | null {
  const body: ClientUpdate = {};
  for (const key of ['firstName', 'lastName'] as const) {
    if (v[key].trim() !== before[key]) body[key] = v[key].trim();
  }
  for (const key of OPTIONAL) {
    const value = key === 'notes' ? (v[key].trim() ? v[key] : '') : v[key].trim();
    if (value !== before[key]) body[key] = value;
  }
  return Object.keys(body).length === 0 ? null : body;
}

/** "Mustermann, Erika" for lists and headings. */
export function displayName(c: { firstName: string; lastName: string }): string {
  return `${c.lastName}, ${c.firstName}`;
}

/** The export's file name: no client name in it (downloads folders are shared and synced). */
export function exportFileName(clientId: string, exportedAt: string): string {
  return `klientyakte-${clientId.slice(0, 8)}-${exportedAt.slice(0, 10)}.json`;
}
