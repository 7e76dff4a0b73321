import { useMemo, useState } from 'react';
import { Alert, Anchor, Button, Card, Container, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router-dom';
import { DateTime } from 'luxon';
import { api, call, idempotencyKey } from '../../lib/api/client';
import { useT } from '../../i18n/i18n';
import { ErrorAlert, PageState } from '../../components/ui/PageState';
import { browserZone, formatDateTime, formatDay, formatTime } from '../../lib/time/zone';

/** Days shown per page of the slot list. */
const WINDOW_DAYS = 14;

export interface Slot {
  start: string;
  end: string;
  roomId: string;
}

export function groupByDay(slots: Slot[], zone: string): { day: string; slots: Slot[] }[] {
  const days = new Map<string, Slot[]>();
  for (const s of slots) {
    const day = DateTime.fromISO(s.start, { zone }).toISODate()!;
    days.set(day, [...(days.get(day) ?? []), s]);
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, list]) => ({ day, slots: list }));
}

/** The SlotPicker: free days as buttons, then the free times of the chosen day. */
export function SlotPicker({ therapistId, serviceId, onPick, picked }: { therapistId: string; serviceId: string; picked: Slot | null; onPick: (s: Slot) => void }) {
  const { t, locale } = useT();
  const zone = browserZone();
  const [offset, setOffset] = useState(0);
  const [day, setDay] = useState<string | null>(null);
  const from = DateTime.now().setZone(zone).startOf('day').plus({ days: offset });
  const slots = useQuery({
    queryKey: ['slots', therapistId, serviceId, offset],
    queryFn: () =>
      call(
        api.GET('/v1/public/therapists/{therapistId}/slots', {
          params: { path: { therapistId }, query: { serviceId, from: from.toISO()!, to: from.plus({ days: WINDOW_DAYS }).toISO()! } },
        }),
      ),
  });
  const days = useMemo(() => (slots.data ? groupByDay(slots.data.slots, zone) : []), [slots.data, zone]);
  const chosen = days.find((d) => d.day === day) ?? days[0];
  if (slots.isPending) return <PageState loading />;
  if (slots.error) return <PageState error={slots.error} />;
  return (
    <Stack>
      <Group gap="xs" role="group" aria-label={t('public.day')} wrap="nowrap" style={{ overflowX: 'auto', paddingBottom: 4 }}>
        {offset > 0 && (
          <Button variant="default" style={{ flexShrink: 0 }} onClick={() => { setOffset(Math.max(0, offset - WINDOW_DAYS)); setDay(null); }}>{t('public.earlier')}</Button>
        )}
        {days.map((d) => (
          <Button key={d.day} variant={chosen?.day === d.day ? 'filled' : 'default'} aria-pressed={chosen?.day === d.day} onClick={() => setDay(d.day)}
            style={{ flexShrink: 0 }}>
            {new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'numeric', timeZone: zone }).format(DateTime.fromISO(d.day, { zone }).toJSDate())}
          </Button>
        ))}
        <Button variant="default" style={{ flexShrink: 0 }} onClick={() => { setOffset(offset + WINDOW_DAYS); setDay(null); }}>{t('public.later')}</Button>
      </Group>
      {days.length === 0 ? (
        <Text>{t('public.noDays')}</Text>
      ) : (
        chosen && (
          <>
            <Title order={3} size="h4">{t('public.freeTimes', { day: formatDay(DateTime.fromISO(chosen.day, { zone }), zone, locale) })}</Title>
            <div className="slot-grid" role="group" aria-label={t('public.freeTimes', { day: chosen.day })}>
              {chosen.slots.map((s) => (
                <Button key={s.start} variant={picked?.start === s.start ? 'filled' : 'outline'} aria-pressed={picked?.start === s.start} onClick={() => onPick(s)}>
                  {formatTime(s.start, zone, locale)}
                </Button>
              ))}
            </div>
          </>
        )
      )}
    </Stack>
  );
}

export function PublicBookingPage() {
  const { t, locale } = useT();
  const { therapistId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const profile = useQuery({
    queryKey: ['public-therapist', therapistId],
    queryFn: () => call(api.GET('/v1/public/therapists/{therapistId}', { params: { path: { therapistId } } })),
    retry: false,
  });
  const services = profile.data?.services ?? [];
  const asked = params.get('service') ?? '';
  // ?service= picks one; a link without it (or with one that no longer exists) offers the services; one service is chosen
  const serviceId = services.some((sv) => sv.id === asked) ? asked : services.length === 1 ? services[0].id : '';
  const service = services.find((sv) => sv.id === serviceId);
  const chooseService = (id: string) => {
    setSlot(null);
    setParams((p) => { p.set('service', id); return p; }, { replace: true });
  };
  const [slot, setSlot] = useState<Slot | null>(null);
  const [client, setClient] = useState({ name: '', email: '', phone: '' });
  const [key] = useState(idempotencyKey);
  const book = useMutation({
    mutationFn: (s: Slot) =>
      call(
        api.POST('/v1/public/therapists/{therapistId}/bookings', {
          params: { path: { therapistId }, header: { 'Idempotency-Key': `${key}-${s.start}` } },
          body: {
            serviceId,
            start: s.start,
            client: { name: client.name.trim(), email: client.email.trim(), ...(client.phone.trim() ? { phone: client.phone.trim() } : {}) },
          },
        }),
      ),
  });
  const zone = browserZone();
  const manageLink = book.data
    ? `${location.origin}/manage/${book.data.bookingId}?token=${encodeURIComponent(book.data.manageToken)}&therapist=${encodeURIComponent(therapistId)}&service=${encodeURIComponent(serviceId)}`
    : '';

  return (
    <Container size="sm" py="md">
      <main>
        <Stack>
          <Title order={1} size="h2">{t('public.title')}</Title>
          {profile.data && <Text size="lg" data-testid="practice">{profile.data.practiceName}</Text>}
          {profile.isPending ? <PageState loading /> : profile.error ? <PageState error={profile.error} /> : services.length === 0 ? (
            <Alert color="yellow">{t('public.noService')}</Alert>
          ) : book.data ? (
            <Card withBorder data-testid="confirmation">
              <Title order={2} size="h3">{t('public.confirmed')}</Title>
              <Text size="lg" my="sm">{formatDateTime(book.data.start, zone, locale)}</Text>
              <Text>{t('public.manageLink')}</Text>
              <Anchor href={manageLink} data-testid="manage-link" style={{ wordBreak: 'break-all' }}>{manageLink}</Anchor>
            </Card>
          ) : (
            <>
              <div role="group" aria-label={t('public.service')} className="service-choice" data-testid="services">
                {services.map((sv) => (
                  <Button key={sv.id} variant={sv.id === serviceId ? 'filled' : 'default'} aria-pressed={sv.id === serviceId} onClick={() => chooseService(sv.id)}>
                    {t('public.serviceOption', { name: sv.name, minutes: sv.durationMinutes })}
                  </Button>
                ))}
              </div>
              {!service ? <Text>{t('public.chooseService')}</Text> : (
                <SlotPicker key={serviceId} therapistId={therapistId} serviceId={serviceId} picked={slot} onPick={setSlot} />
              )}
              {slot && service && (
                <Card withBorder>
                  <form
                    onSubmit={(e) => {
                      e.preventDefault();
                      book.mutate(slot);
                    }}
                  >
                    <Stack>
                      <Text fw={600}>{t('public.chosen', { when: formatDateTime(slot.start, zone, locale) })}</Text>
                      <ErrorAlert error={book.error} />
                      <TextInput label={t('public.name')} autoComplete="name" value={client.name} onChange={(e) => setClient({ ...client, name: e.currentTarget.value })} required maxLength={120} />
                      <TextInput type="email" label={t('public.email')} autoComplete="email" value={client.email} onChange={(e) => setClient({ ...client, email: e.currentTarget.value })} required />
                      <TextInput type="tel" label={t('public.phone')} autoComplete="tel" value={client.phone} onChange={(e) => setClient({ ...client, phone: e.currentTarget.value })} maxLength={30} />
                      <Button type="submit" loading={book.isPending}>{t('public.book')}</Button>
                    </Stack>
                  </form>
                </Card>
              )}
            </>
          )}
        </Stack>
      </main>
    </Container>
  );
}
