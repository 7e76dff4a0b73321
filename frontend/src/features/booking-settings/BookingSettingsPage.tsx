import { useEffect, useState } from 'react';
import { Alert, Anchor, Button, Card, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type BookingSettings } from '../../lib/api/client';
import { ApiError } from '../../lib/api/errors';
import { useT } from '../../i18n/i18n';
import { ErrorAlert, PageState } from '../../components/ui/PageState';
import { useMe } from '../../app/useMe';

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
type Service = NonNullable<BookingSettings['services']>[number];

function newServiceId(name: string, existing: Service[]): string {
  const base = name.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'leistung';
  let id = base;
  for (let n = 2; existing.some((s) => s.id === id); n += 1) id = `${base}-${n}`;
  return id;
}

export function BookingSettingsPage() {
  const { t } = useT();
  const me = useMe();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: ['booking-settings'],
    queryFn: () =>
      call(api.GET('/v1/settings/booking')).catch((e) => (e instanceof ApiError && e.status === 404 ? ({} as BookingSettings) : Promise.reject(e))),
  });
  const [draft, setDraft] = useState<BookingSettings | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data && draft === null) setDraft(structuredClone(settings.data));
  }, [settings.data, draft]);
  const save = useMutation({
    mutationFn: (body: BookingSettings) => call(api.PUT('/v1/settings/booking', { body })),
    onSuccess: (data) => {
      setSaved(true);
      setDraft(structuredClone(data));
      queryClient.setQueryData(['booking-settings'], data);
    },
  });
  if (settings.isPending || !draft) return settings.error ? <PageState error={settings.error} /> : <PageState loading />;

  const hours = draft.workingHours ?? {};
  const services = draft.services ?? [];
  const set = (patch: Partial<BookingSettings>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };
  const setDay = (day: string, intervals: { from: string; to: string }[]) => {
    const next = { ...hours, [day]: intervals };
    if (intervals.length === 0) delete next[day];
    set({ workingHours: next });
  };
  const setService = (i: number, patch: Partial<Service>) => set({ services: services.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const num = (v: string | number) => (v === '' ? undefined : Number(v));
  const link = (serviceId: string) => `${location.origin}/book/${me.data?.accountId}?service=${encodeURIComponent(serviceId)}`;

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(draft);
      }}
    >
      <Stack>
        <Title order={2}>{t('settings.title')}</Title>
        <Card withBorder>
          <Title order={3} size="h4" mb="xs">{t('settings.workingHours')}</Title>
          <Stack gap="xs">
            {DAYS.map((day) => (
              <Group key={day} align="flex-end" wrap="wrap">
                <Text w={110}>{t(`day.${day}`)}</Text>
                {(hours[day] ?? []).map((iv, i) => (
                  <Group key={i} gap={4} align="flex-end">
                    <TextInput type="time" label={`${t(`day.${day}`)} ${t('settings.from')}`} value={iv.from}
                      onChange={(e) => setDay(day, (hours[day] ?? []).map((x, j) => (j === i ? { ...x, from: e.currentTarget.value } : x)))} />
                    <TextInput type="time" label={t('settings.to')} value={iv.to}
                      onChange={(e) => setDay(day, (hours[day] ?? []).map((x, j) => (j === i ? { ...x, to: e.currentTarget.value } : x)))} />
                    <Button variant="default" color="red.9" size="xs" onClick={() => setDay(day, (hours[day] ?? []).filter((_, j) => j !== i))}>
                      {t('settings.remove')}
                    </Button>
                  </Group>
                ))}
                <Button variant="default" size="xs" aria-label={`${t('settings.addInterval')}: ${t(`day.${day}`)}`}
                  onClick={() => setDay(day, [...(hours[day] ?? []), { from: '09:00', to: '17:00' }])}>
                  {t('settings.addInterval')}
                </Button>
              </Group>
            ))}
          </Stack>
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="xs">{t('settings.services')}</Title>
          <Stack>
            {services.map((s, i) => (
              <Stack key={s.id} gap={4} data-testid="service">
                <SimpleGrid cols={{ base: 1, sm: 4 }}>
                  <TextInput label={t('settings.serviceName')} value={s.name} onChange={(e) => setService(i, { name: e.currentTarget.value })} required />
                  <NumberInput label={t('settings.serviceDuration')} min={5} max={720} value={s.durationMinutes} onChange={(v) => setService(i, { durationMinutes: Number(v) })} required />
                  <NumberInput label={t('settings.bufferBefore')} min={0} value={s.bufferBeforeMinutes ?? ''} onChange={(v) => setService(i, { bufferBeforeMinutes: num(v) })} />
                  <NumberInput label={t('settings.bufferAfter')} min={0} value={s.bufferAfterMinutes ?? ''} onChange={(v) => setService(i, { bufferAfterMinutes: num(v) })} />
                </SimpleGrid>
                <Group justify="space-between">
                  {settings.data?.services?.some((x) => x.id === s.id) && me.data ? (
                    <Text size="sm">
                      {t('settings.publicLink')}: <Anchor href={link(s.id)} data-testid="public-link">{link(s.id)}</Anchor>
                    </Text>
                  ) : <span />}
                  <Button variant="default" color="red.9" size="xs" onClick={() => set({ services: services.filter((_, j) => j !== i) })}>
                    {t('settings.remove')}
                  </Button>
                </Group>
              </Stack>
            ))}
            <Button variant="default" w="fit-content"
              onClick={() => set({ services: [...services, { id: newServiceId(t('settings.serviceName'), services), name: '', durationMinutes: 50 }] })}>
              {t('settings.addService')}
            </Button>
          </Stack>
        </Card>
        <Card withBorder>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput label={t('settings.notice')} min={0} value={draft.minimumNoticeMinutes ?? ''} onChange={(v) => set({ minimumNoticeMinutes: num(v) })} />
            <NumberInput label={t('settings.horizon')} min={1} value={draft.horizonDays ?? ''} onChange={(v) => set({ horizonDays: num(v) })} />
            <NumberInput label={t('settings.cancellationNotice')} min={0} value={draft.cancellationNoticeMinutes ?? ''} onChange={(v) => set({ cancellationNoticeMinutes: num(v) })} />
            <NumberInput label={t('settings.rescheduleNotice')} min={0} value={draft.rescheduleNoticeMinutes ?? ''} onChange={(v) => set({ rescheduleNoticeMinutes: num(v) })} />
            <NumberInput label={t('settings.maxReschedules')} min={0} value={draft.maxReschedules ?? ''} onChange={(v) => set({ maxReschedules: num(v) })} />
          </SimpleGrid>
          <Textarea mt="sm" label={t('settings.contactHint')} value={draft.contactHint ?? ''} onChange={(e) => set({ contactHint: e.currentTarget.value || undefined })} />
        </Card>
        <ErrorAlert error={save.error} />
        {saved && <Alert color="green" role="status">{t('settings.saved')}</Alert>}
        <Button type="submit" loading={save.isPending} w="fit-content">{t('settings.save')}</Button>
      </Stack>
    </form>
  );
}
