import { useMutation } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import type { CalendarApi } from './calendarApi';
import type { BookingFormValue } from './BookingForm';
import type { SeriesScope } from './BookingDetail';
import { recurrenceOf, type Recurrence } from './series';
import type { Occurrence } from './SeriesOutcome';
import type { Block, Booking, SeriesRequest } from '../../lib/api/client';
import { zonedIso } from '../../lib/time/zone';

/** What the calendar reports after a change: a sentence, and for a series the occurrences that were skipped. */
export interface Notice {
  key: string;
  params?: Record<string, string | number>;
  skipped?: Occurrence[];
}

type Move = { roomId?: string; start?: string; end?: string };

/** The form's booking in the practice's zone: room, start, end and the client as typed. */
export function bookingBody(v: BookingFormValue, zone: string) {
  const start = zonedIso(v.date, v.time, zone);
  return {
    roomId: v.roomId,
    start,
    end: DateTime.fromISO(start, { zone }).plus({ minutes: v.duration }).toISO({ suppressMilliseconds: true })!,
    client: { name: v.name.trim(), ...(v.email.trim() ? { email: v.email.trim() } : {}), ...(v.phone.trim() ? { phone: v.phone.trim() } : {}) },
  };
}

/** The weekly series the form describes ("wöchentlich wiederholen" ticked). */
export function seriesRequest(v: BookingFormValue & { repeat: NonNullable<BookingFormValue['repeat']> }, zone: string): SeriesRequest {
  return { ...bookingBody(v, zone), recurrence: recurrenceOf(v.repeat) };
}

/** The calendar's writes; each reports a {@link Notice} and refreshes the week. */
export function useCalendarMutations(source: CalendarApi, zone: string, done: (notice: Notice) => void) {
  const create = useMutation({
    mutationFn: async (v: BookingFormValue): Promise<Notice> => {
      if (v.repeat && source.series) {
        const created = await source.series.create(seriesRequest({ ...v, repeat: v.repeat }, zone));
        return { key: created.skipped.length ? 'series.createdSkipped' : 'series.created', params: { booked: created.bookings.length, skipped: created.skipped.length }, skipped: created.skipped };
      }
      await source.create(bookingBody(v, zone));
      return { key: 'booking.created' };
    },
    onSuccess: done,
  });
  const preview = useMutation({ mutationFn: (v: BookingFormValue) => source.series!.preview(seriesRequest({ ...v, repeat: v.repeat! }, zone)) });
  const move = useMutation({
    mutationFn: async ({ booking, body, scope }: { booking: Booking; body: Move; scope: SeriesScope; revert?: () => void }): Promise<Notice> => {
      if (scope === 'following' && booking.seriesId && source.series) {
        const changed = await source.series.moveFrom(booking.seriesId, { from: booking.start, ...body });
        return notChanged('series.moved', changed.changed.length, changed.notChanged);
      }
      await source.move(booking.id, body);
      return { key: 'booking.moved' };
    },
    onSuccess: done,
    onError: (_error, vars) => vars.revert?.(),
  });
  const cancel = useMutation({
    mutationFn: async ({ booking, scope }: { booking: Booking; scope: SeriesScope }): Promise<Notice> => {
      if (scope === 'following' && booking.seriesId && source.series) {
        const changed = await source.series.cancelFrom(booking.seriesId, booking.start);
        return notChanged('series.cancelled', changed.changed.length, changed.notChanged);
      }
      await source.cancel(booking.id);
      return { key: 'booking.cancelled' };
    },
    onSuccess: done,
  });
  const createBlock = useMutation({
    mutationFn: async (body: { start: string; end: string; title: string; roomId?: string; recurrence?: Recurrence }): Promise<Notice> => {
      const created = await source.blocks!.create(body);
      if (!('blocks' in created)) return { key: 'block.created' };
      return {
        key: created.skipped.length ? 'block.createdWeeklySkipped' : 'block.createdWeekly',
        params: { blocked: created.blocks.length, skipped: created.skipped.length },
        skipped: created.skipped,
      };
    },
    onSuccess: done,
  });
  const updateBlock = useMutation({
    mutationFn: async ({ block, body, scope }: {
      block: Block;
      /** roomId null takes the room off the block (it stays, without room) */
      body: { start: string; end: string; title?: string; roomId?: string | null };
      scope: SeriesScope;
      revert?: () => void;
    }): Promise<Notice> => {
      if (scope === 'following' && block.seriesId) {
        const { roomId, ...rest } = body;
        const changed = await source.blocks!.changeFrom(block.seriesId, { from: block.start, ...rest, ...(roomId ? { roomId } : {}) });
        return notChanged('block.seriesUpdated', changed.changed.length, changed.notChanged);
      }
      await source.blocks!.update(block.id, body);
      return { key: 'block.updated' };
    },
    onSuccess: done,
    onError: (_error, vars) => vars.revert?.(),
  });
  const deleteBlock = useMutation({
    mutationFn: async ({ block, scope }: { block: Block; scope: SeriesScope }): Promise<Notice> => {
      if (scope === 'following' && block.seriesId) {
        const changed = await source.blocks!.deleteFrom(block.seriesId, block.start);
        return notChanged('block.seriesDeleted', changed.changed.length, changed.notChanged);
      }
      await source.blocks!.remove(block.id);
      return { key: 'block.deleted' };
    },
    onSuccess: done,
  });
  return { create, preview, move, cancel, createBlock, updateBlock, deleteBlock };
}

function notChanged(key: string, changed: number, left: { start: string; end: string; code: string }[]): Notice {
  return { key: left.length ? `${key}Partly` : key, params: { changed, left: left.length }, skipped: left };
}
