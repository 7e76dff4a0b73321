import { useEffect, useState } from 'react';
import { Alert, Button, Card, NumberInput, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import type { BookingSettings } from '../../lib/api/client';
import { useT } from '../../i18n/i18n';
import { ErrorAlert, PageState } from '../../components/ui/PageState';
import { useMe } from '../../app/useMe';
import { useBookingSettings } from './useBookingSettings';
import { useSaveBookingSettings } from './useSaveBookingSettings';
import { WorkingHoursEditor } from './WorkingHoursEditor';
import { ServicesEditor } from './ServicesEditor';
import { fromApi, normalise, problems } from './workingHours';

const num = (v: string | number) => (v === '' ? undefined : Number(v));
const loaded = (s: BookingSettings): BookingSettings => ({ ...structuredClone(s), workingHours: fromApi(s.workingHours) });

/** The rules fields with the limits the API enforces (a missing field takes the API's default, shown as placeholder). */
const RULES = [
  { key: 'minimumNoticeMinutes', min: 0, max: 43_200, placeholder: 1440 },
  { key: 'horizonDays', min: 1, max: 365, placeholder: 60 },
  { key: 'cancellationNoticeMinutes', min: 0, max: 43_200, placeholder: 1440 },
  { key: 'rescheduleNoticeMinutes', min: 0, max: 43_200, placeholder: 1440 },
  { key: 'maxReschedules', min: 0, max: 20, placeholder: 2 },
] as const;
const CAPS = [
  { key: 'maxOnlineBookingsPerDay', min: 1, max: 500, placeholder: 20 },
  { key: 'maxFutureBookingsPerClient', min: 1, max: 50, placeholder: 3 },
] as const;
type NumberKey = (typeof RULES)[number]['key'] | (typeof CAPS)[number]['key'];

export function BookingSettingsPage() {
  const { t } = useT();
  const me = useMe();
  const settings = useBookingSettings();
  const save = useSaveBookingSettings();
  const [draft, setDraft] = useState<BookingSettings | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data && draft === null) setDraft(loaded(settings.data));
  }, [settings.data, draft]);
  if (settings.error) return <PageState error={settings.error} />;
  if (!draft) return <PageState loading />;

  const set = (patch: Partial<BookingSettings>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };
  const hourProblems = problems(draft.workingHours ?? {});
  const savedIds = new Set((settings.data?.services ?? []).map((s) => s.id));
  const linkFor = (serviceId: string) => (me.data ? `${location.origin}/book/${me.data.accountId}?service=${encodeURIComponent(serviceId)}` : null);
  const numberField = (f: { key: NumberKey; min: number; max: number; placeholder: number }) => (
    <NumberInput key={f.key} label={t(`settings.${f.key}`)} description={t('settings.default', { n: f.placeholder })}
      min={f.min} max={f.max} allowDecimal={false} placeholder={String(f.placeholder)}
      value={draft[f.key] ?? ''} onChange={(v) => set({ [f.key]: num(v) })} />
  );

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (hourProblems.length > 0) return;
        save.mutate(
          { ...draft, workingHours: normalise(draft.workingHours ?? {}) },
          { onSuccess: (data) => { setDraft(loaded(data)); setSaved(true); } },
        );
      }}
    >
      <Stack>
        <Title order={2}>{t('settings.title')}</Title>
        <Text c="gray.7">{t('settings.intro')}</Text>
        <WorkingHoursEditor hours={draft.workingHours ?? {}} onChange={(workingHours) => set({ workingHours })} />
        <ServicesEditor services={draft.services ?? []} savedIds={savedIds} linkFor={linkFor} onChange={(services) => set({ services })} />
        <Card withBorder>
          <Title order={3} size="h4" mb="xs">{t('settings.rules')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>{RULES.map(numberField)}</SimpleGrid>
          <Textarea mt="sm" label={t('settings.contactHint')} maxLength={300} value={draft.contactHint ?? ''}
            onChange={(e) => set({ contactHint: e.currentTarget.value || undefined })} />
        </Card>
        <Card withBorder>
          <Title order={3} size="h4" mb="xs">{t('settings.caps')}</Title>
          <Text size="sm" c="gray.7" mb="xs">{t('settings.capsIntro')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>{CAPS.map(numberField)}</SimpleGrid>
        </Card>
        {hourProblems.length > 0 && <Alert color="red.9" role="alert">{t('settings.fixHours')}</Alert>}
        <ErrorAlert error={save.error} />
        {saved && <Alert color="green.9" role="status">{t('settings.saved')}</Alert>}
        <Button type="submit" loading={save.isPending} w="fit-content">{t('settings.save')}</Button>
      </Stack>
    </form>
  );
}
