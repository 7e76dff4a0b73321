import type { BookingSettings } from '../../lib/api/client';

export type Service = NonNullable<BookingSettings['services']>[number];

/** A stable id for a new service from its name ("Erstgespräch" -> "erstgesprach"), unique among the others. */
export function newServiceId(name: string, existing: readonly Service[]): string {
  const base = name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'leistung';
  let id = base;
  for (let n = 2; existing.some((s) => s.id === id); n += 1) id = `${base}-${n}`;
  return id;
}

/** Time a booking of the service blocks in the calendar (buffers before and after included). */
export function blockedMinutes(s: Service): number {
  return (s.bufferBeforeMinutes ?? 0) + s.durationMinutes + (s.bufferAfterMinutes ?? 0);
}
