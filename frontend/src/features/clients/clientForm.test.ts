import { describe, expect, it } from 'vitest';
import { createBody, displayName, EMPTY_CLIENT, exportFileName, formOf, updateBody } from './clientForm';

const record = {
  id: 'c1f2a3b4-0000', firstName: 'Erika', lastName: 'Mustermann', email: 'erika@example.test', phone: '+49 30 123456',
  source: 'manual' as const, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
};

describe('client record form', () => {
  it('a new record leaves out empty optional fields and trims names', () => {
    expect(createBody({ ...EMPTY_CLIENT, firstName: ' Erika ', lastName: 'Mustermann', email: '  ', notes: '' }))
      .toEqual({ firstName: 'Erika', lastName: 'Mustermann' });
    expect(createBody({ ...EMPTY_CLIENT, firstName: 'A', lastName: 'B', birthDate: '1980-02-03', notes: 'line 1\nline 2' }))
      .toEqual({ firstName: 'A', lastName: 'B', birthDate: '1980-02-03', notes: 'line 1\nline 2' });
  });

  it('an edit sends only what changed, a cleared field as "" and nothing when unchanged', () => {
    const before = formOf(record);
    expect(updateBody(before, before)).toBeNull();
    expect(updateBody(before, { ...before, phone: '' })).toEqual({ phone: '' });
    expect(updateBody(before, { ...before, lastName: 'Musterfrau ', notes: 'neu' })).toEqual({ lastName: 'Musterfrau', notes: 'neu' });
    expect(updateBody(before, { ...before, notes: '   ' })).toBeNull();
  });

  it('names read "last, first"; the export file name carries no name', () => {
    expect(displayName(record)).toBe('Mustermann, Erika');
    const name = exportFileName(record.id, '2026-12-01T12:00:00Z');
    expect(name).toBe('klientyakte-c1f2a3b4-2026-12-01.json');
    expect(name).not.toMatch(/Erika|Mustermann/);
  });
});
