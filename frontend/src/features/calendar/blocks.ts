import { DateTime } from 'luxon';
import { zonedIso } from '../../lib/time/zone';
import type { RepeatValue } from './series';

/** Blocked time as the form holds it: a break on one day, or whole days (holiday) from one date to another. */
export interface BlockFormValue {
  title: string;
  /** '' = no room: only the therapist is unavailable; a room id: the room is occupied like a booking */
  roomId: string;
  wholeDays: boolean;
  fromDate: string;
  fromTime: string;
  toDate: string;
  toTime: string;
  /** a weekly block (lunch break, supervision): new blocks only */
  repeat?: RepeatValue | null;
}

export const MAX_BLOCK_DAYS = 31;

/**
 * The block's start and end in the practice's zone, or the key of the message saying why not. Whole days run from
 * the first day's midnight to the midnight after the last day (so a holiday week is 7 calendar days, DST or not).
 */
export function blockTimes(v: BlockFormValue, zone: string): { start: string; end: string } | { problem: string } {
  if (!v.title.trim()) return { problem: 'block.problem.title' };
  if (!v.fromDate || !v.toDate || (!v.wholeDays && (!v.fromTime || !v.toTime))) return { problem: 'block.problem.times' };
  const start = zonedIso(v.fromDate, v.wholeDays ? '00:00' : v.fromTime, zone);
  const end = v.wholeDays
    ? DateTime.fromISO(v.toDate, { zone }).plus({ days: 1 }).startOf('day').toISO({ suppressMilliseconds: true })!
    : zonedIso(v.toDate, v.toTime, zone);
  if (DateTime.fromISO(end) <= DateTime.fromISO(start)) return { problem: 'block.problem.order' };
  if (DateTime.fromISO(end).diff(DateTime.fromISO(start), 'days').days > MAX_BLOCK_DAYS) return { problem: 'block.problem.tooLong' };
  return { start, end };
}

/** The form's values for a block (or a new one from a selected time range). */
export function blockFormValue(start: string, end: string, zone: string, title: string, roomId: string): BlockFormValue {
  const s = DateTime.fromISO(start, { zone });
  const e = DateTime.fromISO(end, { zone });
  const wholeDays = s.equals(s.startOf('day')) && e.equals(e.startOf('day')) && e > s;
  return {
    title,
    roomId,
    wholeDays,
    fromDate: s.toISODate()!,
    fromTime: s.toFormat('HH:mm'),
    toDate: (wholeDays ? e.minus({ days: 1 }) : e).toISODate()!,
    toTime: e.toFormat('HH:mm'),
  };
}
