import { useState } from 'react';
import { Button, Group, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useT } from '../../i18n/i18n';
import { ErrorAlert } from '../../components/ui/PageState';
import type { ClientFormValue } from './clientForm';

/** First/last name, email, phone, birth date, notes; a refusal is shown above the fields and the values stay. */
export function ClientForm(props: {
  initial: ClientFormValue;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (value: ClientFormValue) => void;
  onCancel: () => void;
  withNotes?: boolean;
}) {
  const { t } = useT();
  const [v, setV] = useState(props.initial);
  const set = (patch: Partial<ClientFormValue>) => setV((old) => ({ ...old, ...patch }));
  const today = new Date().toISOString().slice(0, 10);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        e.stopPropagation();
        props.onSubmit(v);
      }}
    >
      <Stack>
        <ErrorAlert error={props.error} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput label={t('clients.firstName')} value={v.firstName} onChange={(e) => set({ firstName: e.currentTarget.value })} required maxLength={60} data-autofocus />
          <TextInput label={t('clients.lastName')} value={v.lastName} onChange={(e) => set({ lastName: e.currentTarget.value })} required maxLength={60} />
          <TextInput type="email" label={t('clients.email')} value={v.email} onChange={(e) => set({ email: e.currentTarget.value })} maxLength={254} />
          <TextInput type="tel" label={t('clients.phone')} value={v.phone} onChange={(e) => set({ phone: e.currentTarget.value })} maxLength={30} />
          <TextInput type="date" label={t('clients.birthDate')} value={v.birthDate} min="1900-01-01" max={today} onChange={(e) => set({ birthDate: e.currentTarget.value })} />
        </SimpleGrid>
        {props.withNotes !== false && (
          <Textarea label={t('clients.notes')} description={t('clients.notesHint')} value={v.notes} autosize minRows={3} maxRows={12} maxLength={4000}
            onChange={(e) => set({ notes: e.currentTarget.value })} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>{t('booking.cancel')}</Button>
          <Button type="submit" loading={props.busy}>{props.submitLabel}</Button>
        </Group>
      </Stack>
    </form>
  );
}
