import { DateTime } from 'luxon';
import type { Schemas } from '../../lib/api/client';

export type Recurrence = Schemas['Recurrence'];

/** "wöchentlich wiederholen": every {interval} weeks, either {count} times or until a local date (inclusive). */
export interface RepeatValue {
  interval: number;
  end: 'count' | 'until';
  count: number;
  until: string;
}

export const MIN_COUNT = 2;
export const MAX_COUNT = 52;

export function defaultRepeat(startDate: string): RepeatValue {
  return { interval: 1, end: 'count', count: 10, until: DateTime.fromISO(startDate).plus({ weeks: 9 }).toISODate()! };
}

/** The API's recurrence object: exactly one of count and until. */
export function recurrenceOf(v: RepeatValue): Recurrence {
  return v.end === 'count'
    ? { frequency: 'WEEKLY', interval: v.interval, count: v.count }
    : { frequency: 'WEEKLY', interval: v.interval, until: v.until };
}

/** A message key when the repeat cannot be sent as it is (the API would refuse it), else null. */
export function repeatProblem(v: RepeatValue, startDate: string): string | null {
  if (v.end === 'count') {
    return Number.isInteger(v.count) && v.count >= MIN_COUNT && v.count <= MAX_COUNT ? null : 'series.problem.count';
  }
  const until = DateTime.fromISO(v.until);
  if (!until.isValid) return 'series.problem.until';
  const weeks = Math.floor(until.diff(DateTime.fromISO(startDate), 'days').days / 7 / v.interval) + 1;
  return weeks >= MIN_COUNT && weeks <= MAX_COUNT ? null : 'series.problem.until';
}

/** Message key for an occurrence that was or would be skipped (ROOM_TAKEN, QUOTA_EXCEEDED, ...). */
export function skipReasonKey(code: string | undefined): string {
  return code === 'ROOM_TAKEN' || code === 'QUOTA_EXCEEDED' || code === 'CONCURRENT_MODIFICATION' ? `series.code.${code}` : 'series.code.other';
}
