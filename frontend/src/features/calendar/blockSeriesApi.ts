import {
  api,
  call,
  idempotencyKey,
  type Block,
  type BlockRequest,
  type BlockUpdateRequest,
  type SeriesChanged,
  type SeriesChangeRequest,
  type SeriesCreated,
  type SeriesPreview,
  type SeriesRequest,
} from '../../lib/api/client';

/** Blocked time of the own calendar (breaks, holidays; with a room it occupies the room like a booking). */
export const blocksApi = {
  create: (body: BlockRequest): Promise<Block> =>
    // without a recurrence the 201 is a single block (the other shape, BlockSeries, answers a recurrence)
    call(api.POST('/v1/blocks', { body, params: { header: { 'Idempotency-Key': idempotencyKey() } } })) as Promise<Block>,
  update: (id: string, body: BlockUpdateRequest): Promise<Block> =>
    call(api.PATCH('/v1/blocks/{blockId}', { body, params: { path: { blockId: id }, header: { 'Idempotency-Key': idempotencyKey() } } })),
  remove: (id: string): Promise<void> => call(api.DELETE('/v1/blocks/{blockId}', { params: { path: { blockId: id } } })).then(() => undefined),
};

/** Weekly series: preview (writes nothing), create, and "this and all following" moves and cancellations. */
export const seriesApi = {
  preview: (body: SeriesRequest): Promise<SeriesPreview> => call(api.POST('/v1/booking-series/preview', { body })),
  create: (body: SeriesRequest): Promise<SeriesCreated> =>
    call(api.POST('/v1/booking-series', { body, params: { header: { 'Idempotency-Key': idempotencyKey() } } })),
  moveFrom: (id: string, body: SeriesChangeRequest): Promise<SeriesChanged> =>
    call(api.PATCH('/v1/booking-series/{seriesId}', { body, params: { path: { seriesId: id } } })),
  cancelFrom: (id: string, from: string): Promise<SeriesChanged> =>
    call(api.DELETE('/v1/booking-series/{seriesId}', { params: { path: { seriesId: id }, query: { from } } })),
};
