import { describe, expect, it } from 'vitest';
import { recurrenceOf, repeatProblem, skipReasonKey, type RepeatValue } from './series';
import { bookingBody, seriesRequest } from './useCalendarMutations';
import { translate } from '../../i18n/i18n';

const every = (patch: Partial<RepeatValue>): RepeatValue => ({ interval: 1, end: 'count', count: 10, until: '2027-02-01', ...patch });

describe('weekly series from the booking form', () => {
  it('sends exactly one of count and until', () => {
    expect(recurrenceOf(every({ interval: 2 }))).toEqual({ frequency: 'WEEKLY', interval: 2, count: 10 });
    expect(recurrenceOf(every({ end: 'until' }))).toEqual({ frequency: 'WEEKLY', interval: 1, until: '2027-02-01' });
  });

  it('2 to 52 occurrences, also when given as an end date', () => {
    expect(repeatProblem(every({ count: 1 }), '2026-12-08')).toBe('series.problem.count');
    expect(repeatProblem(every({ count: 53 }), '2026-12-08')).toBe('series.problem.count');
    expect(repeatProblem(every({ count: 52 }), '2026-12-08')).toBeNull();
    expect(repeatProblem(every({ end: 'until', until: '2026-12-10' }), '2026-12-08')).toBe('series.problem.until');
    expect(repeatProblem(every({ end: 'until', until: '2026-12-15' }), '2026-12-08')).toBeNull();
    expect(repeatProblem(every({ end: 'until', until: '2028-12-15' }), '2026-12-08')).toBe('series.problem.until');
  });

  it('the first occurrence in the practice zone, the client as typed', () => {
    const form = { roomId: 'r1', date: '2027-03-23', time: '10:00', duration: 50, name: ' Erika ', email: '', phone: '', repeat: every({ count: 3 }) };
    expect(seriesRequest(form, 'Europe/Berlin')).toEqual({
      roomId: 'r1', start: '2027-03-23T10:00:00+01:00', end: '2027-03-23T10:50:00+01:00', client: { name: 'Erika' },
      recurrence: { frequency: 'WEEKLY', interval: 1, count: 3 },
    });
    expect(bookingBody(form, 'Europe/Berlin')).not.toHaveProperty('recurrence');
  });

  it('skipped occurrences are explained in words, German and English', () => {
    expect(translate('de', skipReasonKey('ROOM_TAKEN'))).toBe('Raum belegt');
    expect(translate('de', 'series.willSkip', { reason: translate('de', skipReasonKey('ROOM_TAKEN')) })).toBe('Raum belegt – wird übersprungen');
    expect(translate('en', skipReasonKey('QUOTA_EXCEEDED'))).toBe("plan's monthly quota reached");
    expect(translate('de', skipReasonKey('SOMETHING_NEW'))).toBe('nicht möglich');
  });
});
