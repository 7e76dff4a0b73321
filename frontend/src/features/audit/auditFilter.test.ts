import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { defaultFilter, toQuery } from './auditFilter';

describe('audit filter', () => {
  it('a date range covers both days completely in the practice zone', () => {
    expect(toQuery({ fromDate: '2026-12-01', toDate: '2026-12-01', actor: '', action: '' }, 'Europe/Berlin'))
      .toEqual({ from: '2026-12-01T00:00:00+01:00', to: '2026-12-02T00:00:00+01:00' });
  });

  it('over the switch to summer time the end carries the summer offset', () => {
    expect(toQuery({ fromDate: '2027-03-27', toDate: '2027-03-28', actor: ' u-1 ', action: 'booking.moved' }, 'Europe/Berlin'))
      .toEqual({ from: '2027-03-27T00:00:00+01:00', to: '2027-03-29T00:00:00+02:00', actor: 'u-1', action: 'booking.moved' });
  });

  it('an inverted or incomplete range is no query', () => {
    expect(toQuery({ fromDate: '2026-12-02', toDate: '2026-12-01', actor: '', action: '' }, 'Europe/Berlin')).toBeNull();
    expect(toQuery({ fromDate: '', toDate: '2026-12-01', actor: '', action: '' }, 'Europe/Berlin')).toBeNull();
  });

  it('defaults to the last 30 days up to today in the zone', () => {
    const f = defaultFilter('Europe/Berlin', DateTime.fromISO('2026-12-01T23:30:00Z'));
    expect(f).toEqual({ fromDate: '2026-11-02', toDate: '2026-12-02', actor: '', action: '' });
  });
});
