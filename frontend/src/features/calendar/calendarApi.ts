import { api, call, idempotencyKey, type Booking, type Calendar } from '../../lib/api/client';
import { blocksApi, seriesApi } from './blockSeriesApi';

/** The calendar's calls, for the own calendar or a colleague's under a grant (same shapes, other paths). */
export interface CalendarApi {
  key: unknown[];
  read(from: string, to: string): Promise<Calendar>;
  create(body: { roomId: string; start: string; end: string; client: { name: string; email?: string; phone?: string } }): Promise<Booking>;
  move(id: string, body: { roomId?: string; start?: string; end?: string }): Promise<Booking>;
  cancel(id: string): Promise<void>;
  /** blocked time and weekly series: the own calendar only (a grantee books single appointments) */
  blocks?: typeof blocksApi;
  series?: typeof seriesApi;
}

export const ownCalendar: CalendarApi = {
  key: ['calendar'],
  read: (from, to) => call(api.GET('/v1/calendar', { params: { query: { from, to } } })),
  create: (body) => call(api.POST('/v1/bookings', { body, params: { header: { 'Idempotency-Key': idempotencyKey() } } })),
  move: (id, body) =>
    call(api.PATCH('/v1/bookings/{bookingId}', { body, params: { path: { bookingId: id }, header: { 'Idempotency-Key': idempotencyKey() } } })),
  cancel: (id) => call(api.DELETE('/v1/bookings/{bookingId}', { params: { path: { bookingId: id } } })).then(() => undefined),
  blocks: blocksApi,
  series: seriesApi,
};

export function delegatedCalendar(accountId: string): CalendarApi {
  return {
    key: ['delegated', accountId],
    read: (from, to) => call(api.GET('/v1/accounts/{accountId}/calendar', { params: { path: { accountId }, query: { from, to } } })),
    create: (body) =>
      call(api.POST('/v1/accounts/{accountId}/bookings', { body, params: { path: { accountId }, header: { 'Idempotency-Key': idempotencyKey() } } })),
    move: (id, body) => call(api.PATCH('/v1/accounts/{accountId}/bookings/{bookingId}', { body, params: { path: { accountId, bookingId: id } } })),
    cancel: (id) =>
      call(api.DELETE('/v1/accounts/{accountId}/bookings/{bookingId}', { params: { path: { accountId, bookingId: id } } })).then(() => undefined),
  };
}
