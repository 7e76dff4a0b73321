import { DateTime } from 'luxon';

/**
 * Times in the practice's time zone (the API's instants carry offsets; the practice's zone decides which day and
 * hour they fall on, also in DST weeks), formatted in the browser's locale.
 */

/** Monday 00:00 of the week containing the instant, in the zone; the week's end is the next Monday 00:00. */
export function weekOf(instant: Date | string, zone: string): { from: DateTime; to: DateTime } {
  const at = typeof instant === 'string' ? DateTime.fromISO(instant, { zone }) : DateTime.fromJSDate(instant, { zone });
  const from = at.startOf('week');
  // plus one calendar week, not 7 × 24 h: a DST week is 167 or 169 hours long
  return { from, to: from.plus({ weeks: 1 }) };
}

/** The hours of each day of the week (23 on the day clocks go forward, 25 when they go back). */
export function dayLengthsInHours(from: DateTime): number[] {
  return Array.from({ length: 7 }, (_, i) => {
    const start = from.plus({ days: i });
    return start.plus({ days: 1 }).diff(start, 'hours').hours;
  });
}

/** Local wall time (date "2026-03-29", time "10:30") in the zone to an ISO-8601 instant with offset. */
export function zonedIso(date: string, time: string, zone: string): string {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!dt.isValid) throw new Error(`invalid date/time ${date} ${time}`);
  return dt.toISO({ suppressMilliseconds: true })!;
}

/** The date and time inputs' values ("2026-03-29", "10:30") for an instant in the zone. */
export function wallClock(instant: string, zone: string): { date: string; time: string } {
  const dt = DateTime.fromISO(instant, { zone });
  return { date: dt.toISODate()!, time: dt.toFormat('HH:mm') };
}

export function minutesBetween(start: string, end: string): number {
  return Math.round(DateTime.fromISO(end).diff(DateTime.fromISO(start), 'minutes').minutes);
}

export function plusMinutes(instant: string, minutes: number, zone: string): string {
  return DateTime.fromISO(instant, { zone }).plus({ minutes }).toISO({ suppressMilliseconds: true })!;
}

/** "Mo., 30.3.2026, 10:30–11:20" in the browser's locale, in the practice's zone. */
export function formatRange(start: string, end: string, zone: string, locale?: string): string {
  const day = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'numeric', year: 'numeric', timeZone: zone });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: zone });
  const s = new Date(start);
  return `${day.format(s)}, ${time.format(s)}–${time.format(new Date(end))}`;
}

export function formatDateTime(instant: string, zone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: zone,
  }).format(new Date(instant));
}

export function formatTime(instant: string, zone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(new Date(instant));
}

export function formatDay(instant: string | DateTime, zone: string, locale?: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant.toJSDate();
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: zone }).format(date);
}

export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
