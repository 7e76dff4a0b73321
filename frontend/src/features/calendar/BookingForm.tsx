import { useState, type ReactNode } from 'react';
import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useT } from '../../i18n/i18n';
import { ErrorAlert } from '../../components/ui/PageState';
import { RepeatFields } from './RepeatFields';
import { repeatProblem, type RepeatValue } from './series';

export interface BookingFormValue {
  roomId: string;
  date: string;
  time: string;
  duration: number;
  name: string;
  email: string;
  phone: string;
  /** set when "wöchentlich wiederholen" is ticked (new bookings only) */
  repeat?: RepeatValue | null;
}

/** The booking form; on a refusal the error is shown above the fields and every value stays as typed. */
export function BookingForm(props: {
  initial: BookingFormValue;
  rooms: { id: string; name: string }[];
  withClient: boolean;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (value: BookingFormValue) => void;
  onCancel: () => void;
  /** offer "wöchentlich wiederholen" with a preview of the occurrences */
  repeatable?: boolean;
  onPreview?: (value: BookingFormValue) => void;
  previewing?: boolean;
  /** the preview's result, shown under the repeat fields */
  preview?: ReactNode;
  seriesSubmitLabel?: string;
}) {
  const { t } = useT();
  const [v, setV] = useState(props.initial);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (patch: Partial<BookingFormValue>) => setV((old) => ({ ...old, ...patch }));
  const checked = (then: (value: BookingFormValue) => void) => {
    const p = v.repeat ? repeatProblem(v.repeat, v.date) : null;
    setProblem(p);
    if (!p) then(v);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        checked(props.onSubmit);
      }}
    >
      <Stack>
        <ErrorAlert error={props.error} />
        {problem && (
          <Alert color="red.9" role="alert">
            {t(problem)}
          </Alert>
        )}
        <NativeSelect
          label={t('booking.room')}
          value={v.roomId}
          onChange={(e) => set({ roomId: e.currentTarget.value })}
          data={props.rooms.map((r) => ({ value: r.id, label: r.name }))}
          required
        />
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <TextInput type="date" label={t('booking.date')} value={v.date} onChange={(e) => set({ date: e.currentTarget.value })} required />
          <TextInput type="time" label={t('booking.time')} value={v.time} step={300} onChange={(e) => set({ time: e.currentTarget.value })} required />
          <TextInput
            type="number"
            label={t('booking.duration')}
            min={5}
            max={720}
            step={5}
            value={String(v.duration)}
            onChange={(e) => set({ duration: Number(e.currentTarget.value) })}
            required
          />
        </SimpleGrid>
        {props.withClient && (
          <>
            <TextInput label={t('booking.clientName')} value={v.name} onChange={(e) => set({ name: e.currentTarget.value })} required maxLength={120} />
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput type="email" label={t('booking.clientEmail')} value={v.email} onChange={(e) => set({ email: e.currentTarget.value })} />
              <TextInput type="tel" label={t('booking.clientPhone')} value={v.phone} onChange={(e) => set({ phone: e.currentTarget.value })} maxLength={30} />
            </SimpleGrid>
          </>
        )}
        {props.repeatable && <RepeatFields value={v.repeat ?? null} startDate={v.date} onChange={(repeat) => set({ repeat })} />}
        {v.repeat && props.preview}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t('booking.cancel')}
          </Button>
          {v.repeat && props.onPreview && (
            <Button variant="default" loading={props.previewing} onClick={() => checked(props.onPreview!)}>
              {t('series.preview')}
            </Button>
          )}
          <Button type="submit" loading={props.busy}>
            {v.repeat && props.seriesSubmitLabel ? props.seriesSubmitLabel : props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
