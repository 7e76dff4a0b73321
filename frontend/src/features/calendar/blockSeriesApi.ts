import {
  api,
  call,
  idempotencyKey,
  type Block,
  type BlockRequest,
  type BlockSeries,
  type BlockSeriesChanged,
  type BlockSeriesChangeRequest,
  type BlockUpdateRequest,
  type Series,
  type SeriesChanged,
  type SeriesChangeRequest,
  type SeriesCreated,
  type SeriesPreview,
  type SeriesRequest,
} from '../../lib/api/client';

/** Blocked time of the own calendar (breaks, holidays; with a room it occupies the room like a booking). */
export const blocksApi = {
  /** one block, or with a recurrence every week's block and the weeks skipped (room taken) */
  create: (body: BlockRequest): Promise<Block | BlockSeries> =>
    call(api.POST('/v1/blocks', { body, params: { header: { 'Idempotency-Key': idempotencyKey() } } })),
  update: (id: string, body: BlockUpdateRequest): Promise<Block> =>
    call(api.PATCH('/v1/blocks/{blockId}', { body, params: { path: { blockId: id }, header: { 'Idempotency-Key': idempotencyKey() } } })),
  remove: (id: string): Promise<void> => call(api.DELETE('/v1/blocks/{blockId}', { params: { path: { blockId: id } } })).then(() => undefined),
  /** a weekly block's occurrence at `from` and all later ones */
  changeFrom: (seriesId: string, body: BlockSeriesChangeRequest): Promise<BlockSeriesChanged> =>
    call(api.PATCH('/v1/block-series/{seriesId}', { body, params: { path: { seriesId } } })),
  deleteFrom: (seriesId: string, from: string): Promise<BlockSeriesChanged> =>
    call(api.DELETE('/v1/block-series/{seriesId}', { params: { path: { seriesId }, query: { from } } })),
};

/** Weekly series: preview (writes nothing), create, and "this and all following" moves and cancellations. */
export const seriesApi = {
  get: (id: string): Promise<Series> => call(api.GET('/v1/booking-series/{seriesId}', { params: { path: { seriesId: id } } })),
  preview: (body: SeriesRequest): Promise<SeriesPreview> => call(api.POST('/v1/booking-series/preview', { body })),
  create: (body: SeriesRequest): Promise<SeriesCreated> =>
    call(api.POST('/v1/booking-series', { body, params: { header: { 'Idempotency-Key': idempotencyKey() } } })),
  moveFrom: (id: string, body: SeriesChangeRequest): Promise<SeriesChanged> =>
    call(api.PATCH('/v1/booking-series/{seriesId}', { body, params: { path: { seriesId: id } } })),
  cancelFrom: (id: string, from: string): Promise<SeriesChanged> =>
    call(api.DELETE('/v1/booking-series/{seriesId}', { params: { path: { seriesId: id }, query: { from } } })),
};
