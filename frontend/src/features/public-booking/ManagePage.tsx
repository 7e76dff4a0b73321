import { useState } from 'react';
import { Alert, Button, Card, Container, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router-dom';
import { api, call, idempotencyKey } from '../../lib/api/client';
import { useT } from '../../i18n/i18n';
import { ErrorAlert } from '../../components/ui/PageState';
import { browserZone, formatDateTime } from '../../lib/time/zone';
import { SlotPicker, type Slot } from './PublicBookingPage';

export function ManagePage() {
  const { t, locale } = useT();
  const { bookingId = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const therapistId = params.get('therapist');
  const serviceId = params.get('service');
  const [slot, setSlot] = useState<Slot | null>(null);
  const [key] = useState(idempotencyKey);
  const zone = browserZone();
  const cancel = useMutation({
    mutationFn: () => call(api.DELETE('/v1/public/bookings/{bookingId}', { params: { path: { bookingId }, header: { 'X-Manage-Token': token } } })),
  });
  const reschedule = useMutation({
    mutationFn: (s: Slot) =>
      call(
        api.PATCH('/v1/public/bookings/{bookingId}', {
          params: { path: { bookingId }, header: { 'X-Manage-Token': token, 'Idempotency-Key': `${key}-${s.start}` } },
          body: { start: s.start },
        }),
      ),
  });

  return (
    <Container size="sm" py="md">
      <main>
        <Stack>
          <Title order={1} size="h2">{t('manage.title')}</Title>
          {!token ? (
            <Alert color="yellow">{t('manage.missingToken')}</Alert>
          ) : cancel.isSuccess ? (
            <Alert color="green" role="status">{t('manage.cancelled')}</Alert>
          ) : (
            <>
              {reschedule.data && (
                <Alert color="green" role="status">{t('manage.rescheduled', { when: formatDateTime(reschedule.data.start, zone, locale) })}</Alert>
              )}
              <ErrorAlert error={cancel.error ?? reschedule.error} />
              {therapistId && serviceId && (
                <Card withBorder>
                  <Title order={2} size="h3" mb="sm">{t('manage.reschedule')}</Title>
                  <SlotPicker therapistId={therapistId} serviceId={serviceId} picked={slot} onPick={setSlot} />
                  {slot && (
                    <Stack mt="sm">
                      <Text>{t('public.chosen', { when: formatDateTime(slot.start, zone, locale) })}</Text>
                      <Button onClick={() => reschedule.mutate(slot)} loading={reschedule.isPending} w="fit-content">{t('manage.reschedule')}</Button>
                    </Stack>
                  )}
                </Card>
              )}
              <Button color="red.9" variant="outline" onClick={() => cancel.mutate()} loading={cancel.isPending} w="fit-content">
                {t('manage.cancel')}
              </Button>
            </>
          )}
        </Stack>
      </main>
    </Container>
  );
}
