import { useState } from 'react';
import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { DateTime } from 'luxon';
import { useT } from '../../i18n/i18n';
import type { Booking } from '../../lib/api/client';
import { formatRange, minutesBetween, wallClock, zonedIso } from '../../lib/time/zone';
import { ErrorAlert } from '../../components/ui/PageState';
import { BookingForm } from './BookingForm';
import { SeriesOccurrences } from './SeriesOccurrences';
import type { seriesApi } from './blockSeriesApi';

/** What a move or cancellation of a series occurrence applies to. */
export type SeriesScope = 'one' | 'following';

/**
 * An appointment's detail: client, time, room, service; move and cancel. For an occurrence of a weekly series the
 * therapist chooses "nur dieser Termin" or "dieser und alle folgenden" first.
 */
export function BookingDetail(props: {
  booking: Booking;
  zone: string;
  rooms: { id: string; name: string }[];
  canWrite: boolean;
  withClientContact: boolean;
  /** the series calls: actions and the series' occurrences are offered (own calendar) */
  series?: typeof seriesApi;
  moving: boolean;
  moveError: unknown;
  cancelling: boolean;
  cancelError: unknown;
  onMove: (body: { roomId: string; start: string; end: string }, scope: SeriesScope) => void;
  onCancelBooking: (scope: SeriesScope) => void;
  onClose: () => void;
}) {
  const { t, locale } = useT();
  const b = props.booking;
  const [confirming, setConfirming] = useState(false);
  const [scope, setScope] = useState<SeriesScope>('one');
  const { date, time } = wallClock(b.start, props.zone);
  const room = props.rooms.find((r) => r.id === b.roomId)?.name ?? b.roomId;
  const inSeries = !!props.series && !!b.seriesId;
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
        {b.seriesId && (
          <>
            <dt>{t('series.marker')}</dt>
            <dd>{t('series.partOf')}</dd>
          </>
        )}
      </dl>
      {inSeries && (
        <details>
          <summary>{t('series.occurrences')}</summary>
          <SeriesOccurrences api={props.series!} seriesId={b.seriesId!} current={b.id} zone={props.zone} />
        </details>
      )}
      {props.canWrite && (
        <>
          {inSeries && (
            <SegmentedControl
              aria-label={t('series.scope')}
              value={scope}
              onChange={(v) => setScope(v as SeriesScope)}
              data={[
                { value: 'one', label: t('series.scopeOne') },
                { value: 'following', label: t('series.scopeFollowing') },
              ]}
            />
          )}
          <Title order={3} size="h4">
            {t('booking.move')}
          </Title>
          <BookingForm
            initial={{ roomId: b.roomId, date, time, duration: minutesBetween(b.start, b.end), name: b.client.name ?? '', email: '', phone: '' }}
            rooms={props.rooms}
            withClient={false}
            submitLabel={scope === 'following' ? t('series.moveFollowing') : t('booking.moveSubmit')}
            busy={props.moving}
            error={props.moveError}
            onSubmit={(v) => {
              const start = zonedIso(v.date, v.time, props.zone);
              const end = DateTime.fromISO(start, { zone: props.zone }).plus({ minutes: v.duration }).toISO({ suppressMilliseconds: true })!;
              props.onMove({ roomId: v.roomId, start, end }, inSeries ? scope : 'one');
            }}
            onCancel={props.onClose}
          />
          <ErrorAlert error={props.cancelError} />
          {confirming ? (
            <Group>
              <Text>{scope === 'following' ? t('series.cancelConfirm') : t('booking.cancelConfirm')}</Text>
              <Button color="red.9" loading={props.cancelling} onClick={() => props.onCancelBooking(inSeries ? scope : 'one')}>
                {t('booking.cancelYes')}
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('booking.cancel')}
              </Button>
            </Group>
          ) : (
            <Button color="red.9" variant="outline" onClick={() => setConfirming(true)}>
              {scope === 'following' ? t('series.cancelFollowing') : t('booking.cancelBooking')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
