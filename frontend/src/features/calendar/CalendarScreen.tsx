import { useMemo, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Modal, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import type FullCalendar from '@fullcalendar/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useT } from '../../i18n/i18n';
import { WeekCalendar } from './WeekCalendar';
import { calendarEvents } from './events';
import { roomColour } from './rooms';
import { BookingForm, type BookingFormValue } from './BookingForm';
import type { CalendarApi } from './calendarApi';
import type { Booking } from '../../lib/api/client';
import { formatRange, minutesBetween, wallClock, zonedIso } from '../../lib/time/zone';
import { ErrorAlert, PageState } from '../../components/ui/PageState';

const DEFAULT_MINUTES = 50;
/** A client booking online appears without a reload: the week is re-read every 15 s and on focus. */
const POLL_MS = 15_000;

type Dialog = { kind: 'new'; initial: BookingFormValue } | { kind: 'detail'; id: string } | null;

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
  const [status, setStatus] = useState<string | null>(null);
  const [moveError, setMoveError] = useState<unknown>(null);
  const [jump, setJump] = useState('');

  const calendar = useQuery({
    queryKey: [...source.key, range?.from, range?.to],
    queryFn: () => source.read(range!.from, range!.to),
    enabled: range !== null,
    refetchInterval: POLL_MS,
    placeholderData: (previous) => previous,
  });
  const rooms = calendar.data?.rooms ?? [];
  const roomIds = rooms.map((r) => r.id);
  const events = useMemo(
    () => (calendar.data ? calendarEvents(calendar.data, { busy: t('calendar.busy'), online: t('calendar.online'), erased: t('booking.erased') }, roomFilter) : []),
    [calendar.data, roomFilter, t],
  );
  const bookings = new Map((calendar.data?.bookings ?? []).map((b) => [b.id, b]));
  const refresh = () => queryClient.invalidateQueries({ queryKey: source.key });

  const create = useMutation({
    mutationFn: (v: BookingFormValue) => {
      const start = zonedIso(v.date, v.time, zone);
      return source.create({
        roomId: v.roomId,
        start,
        end: DateTime.fromISO(start, { zone }).plus({ minutes: v.duration }).toISO({ suppressMilliseconds: true })!,
        client: { name: v.name.trim(), ...(v.email.trim() ? { email: v.email.trim() } : {}), ...(v.phone.trim() ? { phone: v.phone.trim() } : {}) },
      });
    },
    onSuccess: () => {
      setDialog(null);
      setStatus(t('booking.created'));
      void refresh();
    },
  });
  const move = useMutation({
    mutationFn: ({ id, body }: { id: string; body: { roomId?: string; start?: string; end?: string }; revert?: () => void }) => source.move(id, body),
    onSuccess: () => {
      setDialog(null);
      setMoveError(null);
      setStatus(t('booking.moved'));
      void refresh();
    },
    onError: (error, vars) => {
      vars.revert?.();
      if (vars.revert) setMoveError(error);
    },
  });
  const cancel = useMutation({
    mutationFn: (id: string) => source.cancel(id),
    onSuccess: () => {
      setDialog(null);
      setStatus(t('booking.cancelled'));
      void refresh();
    },
  });

  const openNew = (startIso?: string, endIso?: string) => {
    if (!canWrite || rooms.length === 0) return;
    const start = startIso ?? DateTime.now().setZone(zone).plus({ hours: 1 }).startOf('hour').toISO()!;
    const minutes = endIso ? minutesBetween(start, endIso) : DEFAULT_MINUTES;
    const { date, time } = wallClock(start, zone);
    create.reset();
    setStatus(null);
    setDialog({
      kind: 'new',
      initial: { roomId: roomFilter ?? rooms.find((r) => r.mine)?.id ?? rooms[0].id, date, time, duration: minutes <= 30 ? DEFAULT_MINUTES : minutes, name: '', email: '', phone: '' },
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

  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>{title}</Title>
          <Text size="sm" c="gray.7" aria-live="polite" data-testid="week-label">
            {weekLabel} · {t('calendar.timeZone', { zone })}
          </Text>
        </div>
        <Group gap="xs" wrap="wrap" align="flex-end">
          <Button variant="default" onClick={() => api()?.prev()}>{t('calendar.prev')}</Button>
          <Button variant="default" onClick={() => api()?.today()}>{t('calendar.today')}</Button>
          <Button variant="default" onClick={() => api()?.next()}>{t('calendar.next')}</Button>
          <TextInput
            type="date"
            label={t('calendar.jump')}
            value={jump}
            onChange={(e) => {
              setJump(e.currentTarget.value);
              if (e.currentTarget.value) api()?.gotoDate(e.currentTarget.value);
            }}
          />
          {canWrite && (
            <Button onClick={() => openNew()} disabled={rooms.length === 0}>
              {t('calendar.new')}
            </Button>
          )}
        </Group>
      </Group>
      {status && (
        <Alert color="green" role="status" withCloseButton onClose={() => setStatus(null)} closeButtonLabel={t('booking.close')}>
          {status}
        </Alert>
      )}
      {moveError != null && (
        <div onClick={() => setMoveError(null)}>
          <ErrorAlert error={moveError} />
        </div>
      )}
      {calendar.error && <PageState error={calendar.error} />}
      {calendar.data && rooms.length === 0 && <Alert color="blue">{t('calendar.noRooms')}</Alert>}
      {rooms.length > 0 && (
        <Group gap="xs" aria-label={t('calendar.rooms')} role="group">
          <NativeSelect
            aria-label={t('calendar.rooms')}
            value={roomFilter ?? ''}
            onChange={(e) => setRoomFilter(e.currentTarget.value || null)}
            data={[{ value: '', label: `${t('calendar.rooms')}: alle` }, ...rooms.map((r) => ({ value: r.id, label: r.name }))]}
          />
          {rooms.map((r) => (
            <Badge key={r.id} color={roomColour(roomIds, r.id)} variant="filled" autoContrast>
              {r.name}
            </Badge>
          ))}
          <Badge color="gray" variant="filled" styles={{ root: { background: '#6b6b6b' } }}>{t('calendar.busy')}</Badge>
        </Group>
      )}
      <WeekCalendar
        ref={ref}
        zone={zone}
        lang={lang}
        events={events}
        editable={canWrite}
        onRange={(next) => setRange((old) => (old?.from === next.from && old?.to === next.to ? old : next))}
        onSelect={canWrite ? (s, e) => openNew(s, e) : undefined}
        onOpen={(id) => {
          move.reset();
          cancel.reset();
          setDialog({ kind: 'detail', id });
        }}
        onMove={(id, start, end, revert) => {
          setStatus(null);
          move.mutate({ id, body: { start, end }, revert });
        }}
      />

      <Modal opened={dialog?.kind === 'new'} onClose={() => setDialog(null)} title={t('booking.new')} size="lg" closeButtonProps={{ 'aria-label': t('booking.close') }}>
        {dialog?.kind === 'new' && (
          <BookingForm
            initial={dialog.initial}
            rooms={rooms}
            withClient
            submitLabel={t('booking.submit')}
            busy={create.isPending}
            error={create.error}
            onSubmit={(v) => create.mutate(v)}
            onCancel={() => setDialog(null)}
          />
        )}
      </Modal>
      <Modal opened={dialog?.kind === 'detail'} onClose={() => setDialog(null)} title={t('booking.detail')} size="lg" closeButtonProps={{ 'aria-label': t('booking.close') }}>
        {detail && (
          <BookingDetail
            booking={detail}
            zone={zone}
            rooms={rooms}
            canWrite={canWrite}
            withClientContact={withClientContact}
            moving={move.isPending}
            moveError={move.error}
            cancelling={cancel.isPending}
            cancelError={cancel.error}
            onMove={(body) => move.mutate({ id: detail.id, body })}
            onCancelBooking={() => cancel.mutate(detail.id)}
            onClose={() => setDialog(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

function BookingDetail(props: {
  booking: Booking;
  zone: string;
  rooms: { id: string; name: string }[];
  canWrite: boolean;
  withClientContact: boolean;
  moving: boolean;
  moveError: unknown;
  cancelling: boolean;
  cancelError: unknown;
  onMove: (body: { roomId: string; start: string; end: string }) => void;
  onCancelBooking: () => void;
  onClose: () => void;
}) {
  const { t, locale } = useT();
  const b = props.booking;
  const [confirming, setConfirming] = useState(false);
  const { date, time } = wallClock(b.start, props.zone);
  const room = props.rooms.find((r) => r.id === b.roomId)?.name ?? b.roomId;
  return (
    <Stack>
      <dl className="booking-detail" data-testid="booking-detail">
        <dt>{t('booking.client')}</dt>
        <dd>{b.client.name ?? t('booking.erased')}</dd>
        {props.withClientContact && b.client.email && (
          <>
            <dt>{t('booking.clientEmail')}</dt>
            <dd>{b.client.email}</dd>
          </>
        )}
        {props.withClientContact && b.client.phone && (
          <>
            <dt>{t('booking.clientPhone')}</dt>
            <dd>{b.client.phone}</dd>
          </>
        )}
        <dt>{t('booking.when')}</dt>
        <dd>{formatRange(b.start, b.end, props.zone, locale)}</dd>
        <dt>{t('booking.room')}</dt>
        <dd>{room}</dd>
        {b.serviceId && (
          <>
            <dt>{t('booking.service')}</dt>
            <dd>
              {b.serviceId} · {t('calendar.online')}
            </dd>
          </>
        )}
      </dl>
      {props.canWrite && (
        <>
          <Title order={3} size="h4">
            {t('booking.move')}
          </Title>
          <BookingForm
            initial={{ roomId: b.roomId, date, time, duration: minutesBetween(b.start, b.end), name: b.client.name ?? '', email: '', phone: '' }}
            rooms={props.rooms}
            withClient={false}
            submitLabel={t('booking.moveSubmit')}
            busy={props.moving}
            error={props.moveError}
            onSubmit={(v) => {
              const start = zonedIso(v.date, v.time, props.zone);
              props.onMove({ roomId: v.roomId, start, end: DateTime.fromISO(start, { zone: props.zone }).plus({ minutes: v.duration }).toISO({ suppressMilliseconds: true })! });
            }}
            onCancel={props.onClose}
          />
          <ErrorAlert error={props.cancelError} />
          {confirming ? (
            <Group>
              <Text>{t('booking.cancelConfirm')}</Text>
              <Button color="red.9" loading={props.cancelling} onClick={props.onCancelBooking}>
                {t('booking.cancelYes')}
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('booking.cancel')}
              </Button>
            </Group>
          ) : (
            <Button color="red.9" variant="outline" onClick={() => setConfirming(true)}>
              {t('booking.cancelBooking')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
