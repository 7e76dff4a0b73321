import { useMemo, useRef, useState } from 'react';
import { Alert, Modal, SegmentedControl, Stack } from '@mantine/core';
import type FullCalendar from '@fullcalendar/react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useT } from '../../i18n/i18n';
import { WeekCalendar } from './WeekCalendar';
import { calendarEvents } from './events';
import { BookingForm, type BookingFormValue } from './BookingForm';
import { BookingDetail } from './BookingDetail';
import { BlockForm } from './BlockForm';
import { blockFormValue, type BlockFormValue } from './blocks';
import { recurrenceOf } from './series';
import { NoticeAlert, OccurrenceList } from './SeriesOutcome';
import { RoomLegend } from './RoomLegend';
import { CalendarToolbar } from './CalendarToolbar';
import { useCalendarMutations, type Notice } from './useCalendarMutations';
import type { CalendarApi } from './calendarApi';
import { minutesBetween, wallClock } from '../../lib/time/zone';
import { ErrorAlert, PageState } from '../../components/ui/PageState';

const DEFAULT_MINUTES = 50;
/** A client booking online appears without a reload: the week is re-read every 15 s and on focus. */
const POLL_MS = 15_000;

type Dialog =
  | { kind: 'new'; mode: 'booking' | 'block'; initial: BookingFormValue; block: BlockFormValue }
  | { kind: 'detail'; id: string }
  | { kind: 'block'; id: string }
  | null;

export function CalendarScreen({ source, zone, title, canWrite, withClientContact }: {
  source: CalendarApi;
  zone: string;
  title: string;
  canWrite: boolean;
  withClientContact: boolean;
}) {
  const { t, lang, locale } = useT();
  const queryClient = useQueryClient();
  const ref = useRef<FullCalendar>(null);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [roomFilter, setRoomFilter] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dragError, setDragError] = useState<unknown>(null);

  const calendar = useQuery({
    queryKey: [...source.key, range?.from, range?.to],
    queryFn: () => source.read(range!.from, range!.to),
    enabled: range !== null,
    refetchInterval: POLL_MS,
    placeholderData: (previous) => previous,
  });
  const rooms = calendar.data?.rooms ?? [];
  const events = useMemo(
    () =>
      calendar.data
        ? calendarEvents(
            calendar.data,
            { busy: t('calendar.busy'), online: t('calendar.online'), erased: t('booking.erased'), blocked: t('block.untitled'), series: t('series.marker'), noRoom: t('block.noRoomShort') },
            roomFilter,
          ).map((e) => (e.extendedProps?.kind === 'block' && !source.blocks ? { ...e, editable: false } : e))
        : [],
    [calendar.data, roomFilter, t, source.blocks],
  );
  const bookings = new Map((calendar.data?.bookings ?? []).map((b) => [b.id, b]));
  const blocks = new Map((calendar.data?.blocks ?? []).map((b) => [b.id, b]));
  const m = useCalendarMutations(source, zone, (n) => {
    setDialog(null);
    setDragError(null);
    setNotice(n);
    void queryClient.invalidateQueries({ queryKey: source.key });
  });

  const openNew = (startIso?: string, endIso?: string) => {
    if (!canWrite || rooms.length === 0) return;
    const start = startIso ?? DateTime.now().setZone(zone).plus({ hours: 1 }).startOf('hour').toISO()!;
    const minutes = endIso ? minutesBetween(start, endIso) : DEFAULT_MINUTES;
    const { date, time } = wallClock(start, zone);
    const roomId = roomFilter ?? rooms.find((r) => r.mine)?.id ?? rooms[0].id;
    m.create.reset();
    m.preview.reset();
    m.createBlock.reset();
    setNotice(null);
    setDialog({
      kind: 'new',
      mode: 'booking',
      initial: { roomId, date, time, duration: minutes <= 30 ? DEFAULT_MINUTES : minutes, name: '', email: '', phone: '', repeat: null },
      block: blockFormValue(start, endIso ?? DateTime.fromISO(start).plus({ minutes: 60 }).toISO()!, zone, t('block.defaultTitle'), ''),
    });
  };

  const api = () => ref.current?.getApi();
  const weekLabel = range
    ? t('calendar.week', {
        from: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: zone }).format(new Date(range.from)),
        to: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: zone }).format(
          DateTime.fromISO(range.to, { zone }).minus({ days: 1 }).toJSDate(),
        ),
      })
    : '';
  const detail = dialog?.kind === 'detail' ? bookings.get(dialog.id) : undefined;
  const block = dialog?.kind === 'block' ? blocks.get(dialog.id) : undefined;
  const close = () => setDialog(null);
  const closeLabel = { 'aria-label': t('booking.close') };

  return (
    <Stack>
      <CalendarToolbar
        title={title}
        weekLabel={`${weekLabel} · ${t('calendar.timeZone', { zone })}`}
        calendar={api}
        onNew={canWrite ? () => openNew() : undefined}
        canBook={rooms.length > 0}
      />
      {notice && <NoticeAlert notice={notice} zone={zone} onClose={() => setNotice(null)} />}
      {dragError != null && (
        <div onClick={() => setDragError(null)}>
          <ErrorAlert error={dragError} />
        </div>
      )}
      {calendar.error && <PageState error={calendar.error} />}
      {calendar.data && rooms.length === 0 && <Alert color="blue">{t('calendar.noRooms')}</Alert>}
      {rooms.length > 0 && <RoomLegend rooms={rooms} filter={roomFilter} onFilter={setRoomFilter} withBlocks={!!source.blocks} />}
      <WeekCalendar
        ref={ref}
        zone={zone}
        lang={lang}
        events={events}
        editable={canWrite}
        onRange={(next) => setRange((old) => (old?.from === next.from && old?.to === next.to ? old : next))}
        onSelect={canWrite ? (s, e) => openNew(s, e) : undefined}
        onOpen={(id) => {
          m.move.reset();
          m.cancel.reset();
          setDialog({ kind: 'detail', id });
        }}
        onMove={(id, start, end, revert) => {
          const booking = bookings.get(id);
          if (!booking) return revert();
          setNotice(null);
          m.move.mutate({ booking, body: { start, end }, scope: 'one', revert }, { onError: setDragError });
        }}
        onOpenBlock={source.blocks && canWrite ? (id) => {
          m.updateBlock.reset();
          m.deleteBlock.reset();
          setDialog({ kind: 'block', id });
        } : undefined}
        onMoveBlock={(id, start, end, revert) => {
          const moved = blocks.get(id);
          if (!source.blocks || !moved) return revert();
          setNotice(null);
          m.updateBlock.mutate({ block: moved, body: { start, end }, scope: 'one', revert }, { onError: setDragError });
        }}
      />

      <Modal opened={dialog?.kind === 'new'} onClose={close} title={dialog?.kind === 'new' && dialog.mode === 'block' ? t('block.new') : t('booking.new')} size="lg" closeButtonProps={closeLabel}>
        {dialog?.kind === 'new' && (
          <Stack>
            {source.blocks && (
              <SegmentedControl
                aria-label={t('block.what')}
                value={dialog.mode}
                onChange={(mode) => setDialog({ ...dialog, mode: mode as 'booking' | 'block' })}
                data={[
                  { value: 'booking', label: t('block.modeBooking') },
                  { value: 'block', label: t('block.modeBlock') },
                ]}
              />
            )}
            {dialog.mode === 'booking' ? (
              <BookingForm
                initial={dialog.initial}
                rooms={rooms}
                withClient
                submitLabel={t('booking.submit')}
                seriesSubmitLabel={t('series.submit')}
                busy={m.create.isPending}
                error={m.create.error ?? m.preview.error}
                onSubmit={(v) => m.create.mutate(v)}
                onCancel={close}
                repeatable={!!source.series}
                onPreview={(v) => m.preview.mutate(v)}
                previewing={m.preview.isPending}
                preview={m.preview.data && <OccurrenceList items={m.preview.data.occurrences} zone={zone} testId="series-preview" preview />}
              />
            ) : (
              <BlockForm
                initial={dialog.block}
                zone={zone}
                rooms={rooms}
                submitLabel={t('block.submit')}
                busy={m.createBlock.isPending}
                error={m.createBlock.error}
                onSubmit={(times, v) =>
                  m.createBlock.mutate({
                    ...times,
                    title: v.title.trim(),
                    ...(v.roomId ? { roomId: v.roomId } : {}),
                    ...(v.repeat ? { recurrence: recurrenceOf(v.repeat) } : {}),
                  })
                }
                onCancel={close}
                repeatable
              />
            )}
          </Stack>
        )}
      </Modal>
      <Modal opened={dialog?.kind === 'detail'} onClose={close} title={t('booking.detail')} size="lg" closeButtonProps={closeLabel}>
        {detail && (
          <BookingDetail
            booking={detail}
            zone={zone}
            rooms={rooms}
            canWrite={canWrite}
            withClientContact={withClientContact}
            series={source.series}
            moving={m.move.isPending}
            moveError={m.move.error}
            cancelling={m.cancel.isPending}
            cancelError={m.cancel.error}
            onMove={(body, scope) => m.move.mutate({ booking: detail, body, scope })}
            onCancelBooking={(scope) => m.cancel.mutate({ booking: detail, scope })}
            onClose={close}
          />
        )}
      </Modal>
      <Modal opened={dialog?.kind === 'block'} onClose={close} title={t('block.detail')} size="lg" closeButtonProps={closeLabel}>
        {block && (
          <BlockForm
            initial={blockFormValue(block.start, block.end, zone, block.title ?? '', block.roomId ?? '')}
            zone={zone}
            rooms={rooms}
            submitLabel={t('block.save')}
            busy={m.updateBlock.isPending}
            error={m.updateBlock.error ?? m.deleteBlock.error}
            onSubmit={(times, v, scope) =>
              m.updateBlock.mutate({ block, body: { ...times, title: v.title.trim(), roomId: v.roomId || (block.roomId ? null : undefined) }, scope })
            }
            onCancel={close}
            onDelete={(scope) => m.deleteBlock.mutate({ block, scope })}
            inSeries={!!block.seriesId}
            deleting={m.deleteBlock.isPending}
          />
        )}
      </Modal>
    </Stack>
  );
}
