import { describe, expect, it } from 'vitest';
import { addInterval, copyDay, fromApi, normalise, problems, removeInterval, updateInterval, weeklyMinutes, MAX_INTERVALS, type WorkingHours } from './workingHours';

describe('working hours editing', () => {
  it('an empty day starts with 09:00–12:00, the next interval follows after an hour\'s break', () => {
    let h: WorkingHours = {};
    h = addInterval(h, 'MONDAY');
    expect(h.MONDAY).toEqual([{ from: '09:00', to: '12:00' }]);
    h = addInterval(h, 'MONDAY');
    expect(h.MONDAY).toEqual([{ from: '09:00', to: '12:00' }, { from: '13:00', to: '16:00' }]);
    expect(problems(h)).toEqual([]);
  });

  it('a late interval is capped at 23:59 and never wraps past midnight', () => {
    const h = addInterval({ FRIDAY: [{ from: '18:00', to: '23:00' }] }, 'FRIDAY');
    expect(h.FRIDAY![1]).toEqual({ from: '23:00', to: '23:59' });
    expect(problems(h)).toEqual([]);
  });

  it('removing the last interval drops the day (the API reads a missing day as closed)', () => {
    const h = removeInterval({ MONDAY: [{ from: '09:00', to: '12:00' }], TUESDAY: [{ from: '08:00', to: '10:00' }] }, 'MONDAY', 0);
    expect(h).toEqual({ TUESDAY: [{ from: '08:00', to: '10:00' }] });
  });

  it('names the interval that ends before it starts or overlaps another, as the API would refuse it', () => {
    let h: WorkingHours = { MONDAY: [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '17:00' }] };
    h = updateInterval(h, 'MONDAY', 1, { from: '11:30' });
    expect(problems(h)).toEqual([
      { day: 'MONDAY', index: 0, kind: 'overlap' },
      { day: 'MONDAY', index: 1, kind: 'overlap' },
    ]);
    h = updateInterval(h, 'MONDAY', 1, { from: '18:00' });
    expect(problems(h)).toEqual([{ day: 'MONDAY', index: 1, kind: 'order' }]);
    expect(problems({ MONDAY: [{ from: '12:00', to: '12:00' }] })).toEqual([{ day: 'MONDAY', index: 0, kind: 'order' }]);
    expect(problems({ MONDAY: [{ from: '', to: '12:00' }] })).toEqual([{ day: 'MONDAY', index: 0, kind: 'format' }]);
    // touching intervals do not overlap (12:00 end, 12:00 start), as in the backend
    expect(problems({ MONDAY: [{ from: '09:00', to: '12:00' }, { from: '12:00', to: '13:00' }] })).toEqual([]);
  });

  it('at most 8 intervals a day: a ninth is not added', () => {
    let h: WorkingHours = {};
    for (let i = 0; i < 12; i += 1) h = addInterval(h, 'MONDAY');
    expect(h.MONDAY!.length).toBeLessThanOrEqual(MAX_INTERVALS);
    expect(problems(h).filter((p) => p.kind === 'tooMany')).toEqual([]);
  });

  it('copies a day onto Monday to Friday without sharing the objects', () => {
    const h = copyDay({ MONDAY: [{ from: '08:00', to: '12:00' }, { from: '14:00', to: '18:00' }], SATURDAY: [{ from: '10:00', to: '12:00' }] }, 'MONDAY');
    expect(Object.keys(normalise(h))).toEqual(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY']);
    expect(h.FRIDAY).toEqual(h.MONDAY);
    expect(h.FRIDAY).not.toBe(h.MONDAY);
    const changed = updateInterval(h, 'FRIDAY', 0, { from: '09:00' });
    expect(changed.MONDAY![0].from).toBe('08:00');
    expect(weeklyMinutes(h)).toBe(5 * 8 * 60 + 120);
  });

  it('saves days in weekday order and intervals by start', () => {
    expect(normalise({ WEDNESDAY: [{ from: '14:00', to: '16:00' }, { from: '08:00', to: '09:00' }], MONDAY: [], TUESDAY: [{ from: '09:00', to: '10:00' }] }))
      .toEqual({ TUESDAY: [{ from: '09:00', to: '10:00' }], WEDNESDAY: [{ from: '08:00', to: '09:00' }, { from: '14:00', to: '16:00' }] });
  });

  it('reads the API\'s "09:00:00" as "09:00", so saved hours load without a format problem', () => {
    const loaded = fromApi({ MONDAY: [{ from: '09:00:00', to: '12:30:00' }] });
    expect(loaded).toEqual({ MONDAY: [{ from: '09:00', to: '12:30' }] });
    expect(problems(loaded)).toEqual([]);
    expect(problems({ MONDAY: [{ from: '09:00:00', to: '12:30:00' }] })).toEqual([{ day: 'MONDAY', index: 0, kind: 'format' }]);
    expect(fromApi(undefined)).toEqual({});
  });
});
