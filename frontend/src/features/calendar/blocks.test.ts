import { describe, expect, it } from 'vitest';
import { blockFormValue, blockTimes, type BlockFormValue } from './blocks';

const base: BlockFormValue = { title: 'Pause', roomId: '', wholeDays: false, fromDate: '2026-12-08', fromTime: '12:00', toDate: '2026-12-08', toTime: '13:00' };

describe('blocked time from the form', () => {
  it('a break on one day, in the practice zone', () => {
    expect(blockTimes(base, 'Europe/Berlin')).toEqual({ start: '2026-12-08T12:00:00+01:00', end: '2026-12-08T13:00:00+01:00' });
  });

  it('whole days run from the first midnight to the midnight after the last day, across a DST change', () => {
    const holiday = { ...base, title: 'Urlaub', wholeDays: true, fromDate: '2027-03-22', toDate: '2027-03-30' };
    expect(blockTimes(holiday, 'Europe/Berlin')).toEqual({ start: '2027-03-22T00:00:00+01:00', end: '2027-03-31T00:00:00+02:00' });
  });

  it('refuses what the API would refuse: no title, end before start, more than 31 days', () => {
    expect(blockTimes({ ...base, title: '  ' }, 'Europe/Berlin')).toEqual({ problem: 'block.problem.title' });
    expect(blockTimes({ ...base, toTime: '11:00' }, 'Europe/Berlin')).toEqual({ problem: 'block.problem.order' });
    expect(blockTimes({ ...base, wholeDays: true, fromDate: '2026-12-01', toDate: '2027-01-01' }, 'Europe/Berlin')).toEqual({ problem: 'block.problem.tooLong' });
    expect(blockTimes({ ...base, wholeDays: true, fromDate: '2026-12-01', toDate: '2026-12-31' }, 'Europe/Berlin')).not.toHaveProperty('problem');
  });

  it('a stored block back into the form: whole days recognised, the last day shown inclusive', () => {
    expect(blockFormValue('2027-03-22T00:00:00+01:00', '2027-03-31T00:00:00+02:00', 'Europe/Berlin', 'Urlaub', '')).toMatchObject({
      wholeDays: true, fromDate: '2027-03-22', toDate: '2027-03-30',
    });
    expect(blockFormValue('2026-12-08T12:00:00+01:00', '2026-12-08T13:00:00+01:00', 'Europe/Berlin', 'Pause', 'r1')).toMatchObject({
      wholeDays: false, fromTime: '12:00', toTime: '13:00', roomId: 'r1',
    });
  });
});
