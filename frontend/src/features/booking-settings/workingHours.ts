/**
 * Editing the weekly working hours (weekday -> intervals in the practice's time zone) as the API takes them:
 * "HH:mm" wall-clock times, `to` after `from`, no overlap within a day, at most 8 intervals a day.
 */
export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Day = (typeof DAYS)[number];
export interface Interval {
  from: string;
  to: string;
}
export type WorkingHours = Record<string, Interval[]>;
export const MAX_INTERVALS = 8;

export type Problem = { day: string; index: number; kind: 'format' | 'order' | 'overlap' } | { day: string; index: -1; kind: 'tooMany' };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function minutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

export function hhmm(total: number): string {
  const clamped = Math.max(0, Math.min(23 * 60 + 59, total));
  return `${String(Math.floor(clamped / 60)).padStart(2, '0')}:${String(clamped % 60).padStart(2, '0')}`;
}

function withDay(hours: WorkingHours, day: string, intervals: Interval[]): WorkingHours {
  const next = { ...hours };
  if (intervals.length === 0) delete next[day];
  else next[day] = intervals;
  return next;
}

/** A new interval after the day's last one (a lunch break of an hour, then 3 hours), or 09:00–12:00 on an empty day. */
export function addInterval(hours: WorkingHours, day: string): WorkingHours {
  const current = hours[day] ?? [];
  if (current.length >= MAX_INTERVALS) return hours;
  const last = current.reduce<Interval | null>((a, b) => (a === null || minutes(b.to) > minutes(a.to) ? b : a), null);
  const next = last === null ? { from: '09:00', to: '12:00' } : nextAfter(last);
  return withDay(hours, day, [...current, next]);
}

function nextAfter(last: Interval): Interval {
  const end = minutes(last.to);
  if (end + 60 + 30 > 23 * 60 + 59) return { from: hhmm(end), to: '23:59' };
  return { from: hhmm(end + 60), to: hhmm(Math.min(end + 60 + 180, 23 * 60 + 59)) };
}

export function updateInterval(hours: WorkingHours, day: string, index: number, patch: Partial<Interval>): WorkingHours {
  return withDay(hours, day, (hours[day] ?? []).map((iv, i) => (i === index ? { ...iv, ...patch } : iv)));
}

export function removeInterval(hours: WorkingHours, day: string, index: number): WorkingHours {
  return withDay(hours, day, (hours[day] ?? []).filter((_, i) => i !== index));
}

/** The day's intervals copied onto the other days (replacing theirs); `targets` defaults to the other weekdays Mon–Fri. */
export function copyDay(hours: WorkingHours, source: string, targets: readonly string[] = DAYS.slice(0, 5)): WorkingHours {
  const intervals = hours[source] ?? [];
  return targets.filter((d) => d !== source).reduce((acc, d) => withDay(acc, d, intervals.map((iv) => ({ ...iv }))), hours);
}

/** What the API would refuse, per interval, so the form can say it next to the field before saving. */
export function problems(hours: WorkingHours): Problem[] {
  const found: Problem[] = [];
  for (const [day, intervals] of Object.entries(hours)) {
    const list = intervals ?? [];
    if (list.length > MAX_INTERVALS) found.push({ day, index: -1, kind: 'tooMany' });
    list.forEach((iv, i) => {
      if (!TIME.test(iv.from) || !TIME.test(iv.to)) {
        found.push({ day, index: i, kind: 'format' });
        return;
      }
      if (minutes(iv.to) <= minutes(iv.from)) {
        found.push({ day, index: i, kind: 'order' });
        return;
      }
      const overlaps = list.some(
        (other, j) => j !== i && TIME.test(other.from) && TIME.test(other.to)
          && minutes(iv.from) < minutes(other.to) && minutes(other.from) < minutes(iv.to),
      );
      if (overlaps) found.push({ day, index: i, kind: 'overlap' });
    });
  }
  return found;
}

/** As saved: weekdays in order, each day's intervals by start, empty days left out. */
export function normalise(hours: WorkingHours): Record<string, Interval[]> {
  const out: Record<string, Interval[]> = {};
  for (const day of DAYS) {
    const list = hours[day];
    if (list && list.length > 0) out[day] = [...list].sort((a, b) => minutes(a.from) - minutes(b.from)).map((iv) => ({ from: iv.from, to: iv.to }));
  }
  return out;
}

/** Bookable minutes a week, for the summary line ("32 Stunden pro Woche"). */
export function weeklyMinutes(hours: WorkingHours): number {
  return Object.values(hours).reduce(
    (sum, list) => sum + (list ?? []).reduce((s, iv) => (TIME.test(iv.from) && TIME.test(iv.to) ? s + Math.max(0, minutes(iv.to) - minutes(iv.from)) : s), 0),
    0,
  );
}

/** The API answers times as "09:00:00" (ISO local time); the form and the time inputs work with "09:00". */
export function fromApi(hours: WorkingHours | undefined): WorkingHours {
  const out: WorkingHours = {};
  for (const [day, list] of Object.entries(hours ?? {})) out[day] = (list ?? []).map((iv) => ({ from: iv.from.slice(0, 5), to: iv.to.slice(0, 5) }));
  return out;
}
