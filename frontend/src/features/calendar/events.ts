import type { EventInput } from '@fullcalendar/core';
import type { Calendar } from '../../lib/api/client';
import { BLOCK_COLOUR, BUSY_COLOUR, roomColour } from './rooms';

export interface EventLabels {
  busy: string;
  online: string;
  /** shown for a booking whose client was erased (the API sends {"erased": true} and nothing else) */
  erased?: string;
  /** title of an own block the API sent without one (a grantee's view leaves titles out) */
  blocked?: string;
  /** the series marker on an occurrence of a weekly series */
  series?: string;
  /** a block without a room: only the therapist is unavailable */
  noRoom?: string;
}

/**
 * The week's events: own bookings in full (client, room, online marker, series marker), own blocked time with its
 * title (hatched, distinct from appointments; a block without a room shows under every room), other accounts' use
 * of a room — bookings and room blocks alike — as a grey "belegt" block that carries nothing but room and times
 * (the API sends nothing else, and nothing else is shown).
 */
export function calendarEvents(calendar: Calendar, labels: EventLabels, roomFilter: string | null): EventInput[] {
  const roomIds = calendar.rooms.map((r) => r.id);
  const roomName = new Map(calendar.rooms.map((r) => [r.id, r.name]));
  const visible = (roomId: string) => roomFilter === null || roomFilter === roomId;
  const own: EventInput[] = calendar.bookings
    .filter((b) => b.status === 'CONFIRMED' && visible(b.roomId))
    .map((b) => ({
      id: b.id,
      title: b.client.name ?? labels.erased ?? '',
      start: b.start,
      end: b.end,
      backgroundColor: roomColour(roomIds, b.roomId),
      borderColor: roomColour(roomIds, b.roomId),
      textColor: '#ffffff',
      classNames: ['own-booking', ...(b.serviceId ? ['online-booking'] : []), ...(b.seriesId ? ['series-booking'] : [])],
      extendedProps: {
        kind: 'booking',
        booking: b,
        roomName: roomName.get(b.roomId) ?? '',
        online: b.serviceId ? labels.online : '',
        series: b.seriesId ? labels.series ?? '' : '',
      },
    }));
  const busy: EventInput[] = calendar.busy
    .filter((b) => visible(b.roomId))
    .map((b, i) => ({
      id: `busy-${i}-${b.roomId}-${b.start}`,
      title: labels.busy,
      start: b.start,
      end: b.end,
      backgroundColor: BUSY_COLOUR,
      borderColor: BUSY_COLOUR,
      textColor: '#ffffff',
      editable: false,
      classNames: ['busy-block'],
      extendedProps: { kind: 'busy', roomName: roomName.get(b.roomId) ?? '' },
    }));
  const blocks: EventInput[] = (calendar.blocks ?? [])
    .filter((b) => !b.roomId || visible(b.roomId))
    .map((b) => ({
      id: `block-${b.id}`,
      title: b.title ?? labels.blocked ?? '',
      start: b.start,
      end: b.end,
      backgroundColor: BLOCK_COLOUR,
      borderColor: b.roomId ? roomColour(roomIds, b.roomId) : BLOCK_COLOUR,
      textColor: '#ffffff',
      classNames: ['own-block'],
      extendedProps: { kind: 'block', blockId: b.id, roomName: b.roomId ? roomName.get(b.roomId) ?? '' : labels.noRoom ?? '' },
    }));
  return [...own, ...blocks, ...busy];
}
