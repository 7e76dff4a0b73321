import { describe, expect, it } from 'vitest';
import { dayLengthsInHours, formatRange, formatTime, wallClock, weekOf, zonedIso } from './zone';

describe('practice time zone', () => {
  it('a week runs Monday 00:00 to Monday 00:00 in the practice zone, whatever the browser zone', () => {
    const { from, to } = weekOf('2026-12-03T23:30:00Z', 'Europe/Berlin'); // Friday 00:30 in Berlin
    expect(from.toISO()).toBe('2026-11-30T00:00:00.000+01:00');
    expect(to.toISO()).toBe('2026-12-07T00:00:00.000+01:00');
    // the same instant is still Thursday in New York, in the week before? no: same week, other bounds
    expect(weekOf('2026-12-03T23:30:00Z', 'America/New_York').from.toISO()).toBe('2026-11-30T00:00:00.000-05:00');
  });

  it('the spring-forward week has a 23-hour Sunday and ends on Monday midnight, not at 01:00', () => {
    const { from, to } = weekOf('2026-03-25T12:00:00Z', 'Europe/Berlin');
    expect(from.toISO()).toBe('2026-03-23T00:00:00.000+01:00');
    expect(to.toISO()).toBe('2026-03-30T00:00:00.000+02:00');
    expect(dayLengthsInHours(from)).toEqual([24, 24, 24, 24, 24, 24, 23]);
    expect(to.diff(from, 'hours').hours).toBe(167);
  });

  it('the fall-back week has a 25-hour Sunday', () => {
    const { from, to } = weekOf('2026-10-20T12:00:00Z', 'Europe/Berlin');
    expect(dayLengthsInHours(from)).toEqual([24, 24, 24, 24, 24, 24, 25]);
    expect(to.diff(from, 'hours').hours).toBe(169);
  });

  it('a wall time on either side of the switch gets its own offset', () => {
    expect(zonedIso('2026-03-28', '10:00', 'Europe/Berlin')).toBe('2026-03-28T10:00:00+01:00');
    expect(zonedIso('2026-03-30', '10:00', 'Europe/Berlin')).toBe('2026-03-30T10:00:00+02:00');
    expect(wallClock('2026-03-30T08:00:00Z', 'Europe/Berlin')).toEqual({ date: '2026-03-30', time: '10:00' });
  });

  it('formats in the practice zone and the browser locale', () => {
    expect(formatTime('2026-07-01T08:05:00Z', 'Europe/Berlin', 'de-DE')).toBe('10:05');
    expect(formatTime('2026-07-01T08:05:00Z', 'Europe/London', 'en-GB')).toBe('09:05');
    expect(formatRange('2026-12-07T09:00:00+01:00', '2026-12-07T09:50:00+01:00', 'Europe/Berlin', 'de-DE')).toBe('Mo., 7.12.2026, 09:00–09:50');
  });

  it('refuses a wall time that does not parse', () => {
    expect(() => zonedIso('2026-13-01', '10:00', 'Europe/Berlin')).toThrow();
  });
});
