import { useState } from 'react';
import { Alert, Button, Checkbox, Group, NativeSelect, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useT } from '../../i18n/i18n';
import { ErrorAlert } from '../../components/ui/PageState';
import { blockTimes, type BlockFormValue } from './blocks';
import { RepeatFields } from './RepeatFields';
import { repeatProblem } from './series';
import type { SeriesScope } from './BookingDetail';

/**
 * Blocked time: a break (one day, from–to) or whole days (a holiday, up to 31 days), with or without a room.
 * A refusal (409 ROOM_TAKEN ...) is shown above the fields and every value stays as typed.
 */
export function BlockForm(props: {
  initial: BlockFormValue;
  zone: string;
  rooms: { id: string; name: string }[];
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (times: { start: string; end: string }, value: BlockFormValue, scope: SeriesScope) => void;
  onCancel: () => void;
  onDelete?: (scope: SeriesScope) => void;
  /** an occurrence of a weekly block: change or delete "nur diese" or "diese und alle folgenden" */
  inSeries?: boolean;
  deleting?: boolean;
  /** offer "wöchentlich wiederholen" (new blocks) */
  repeatable?: boolean;
}) {
  const { t } = useT();
  const [v, setV] = useState(props.initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [scope, setScope] = useState<SeriesScope>('one');
  const set = (patch: Partial<BlockFormValue>) => setV((old) => ({ ...old, ...patch }));
  return (
    <form
      data-testid="block-form"
      onSubmit={(e) => {
        e.preventDefault();
        const times = blockTimes(v, props.zone);
        if ('problem' in times) {
          setProblem(times.problem);
          return;
        }
        const repeat = v.repeat ? repeatProblem(v.repeat, v.fromDate) : null;
        if (repeat) {
          setProblem(repeat);
          return;
        }
        setProblem(null);
        props.onSubmit(times, v, props.inSeries ? scope : 'one');
      }}
    >
      <Stack>
        <ErrorAlert error={props.error} />
        {problem && (
          <Alert color="red.9" role="alert">
            {t(problem)}
          </Alert>
        )}
        {props.inSeries && (
          <SegmentedControl
            aria-label={t('series.scope')}
            value={scope}
            onChange={(value) => setScope(value as SeriesScope)}
            data={[
              { value: 'one', label: t('block.scopeOne') },
              { value: 'following', label: t('block.scopeFollowing') },
            ]}
          />
        )}
        <TextInput label={t('block.title')} value={v.title} onChange={(e) => set({ title: e.currentTarget.value })} required maxLength={120} />
        <Checkbox label={t('block.wholeDays')} checked={v.wholeDays} onChange={(e) => set({ wholeDays: e.currentTarget.checked })} />
        <SimpleGrid cols={{ base: 1, xs: v.wholeDays ? 2 : 4 }}>
          <TextInput type="date" label={t('block.fromDate')} value={v.fromDate} onChange={(e) => set({ fromDate: e.currentTarget.value })} required />
          {!v.wholeDays && (
            <TextInput type="time" label={t('block.fromTime')} step={300} value={v.fromTime} onChange={(e) => set({ fromTime: e.currentTarget.value })} required />
          )}
          <TextInput type="date" label={t('block.toDate')} value={v.toDate} onChange={(e) => set({ toDate: e.currentTarget.value })} required />
          {!v.wholeDays && (
            <TextInput type="time" label={t('block.toTime')} step={300} value={v.toTime} onChange={(e) => set({ toTime: e.currentTarget.value })} required />
          )}
        </SimpleGrid>
        <NativeSelect
          label={t('block.room')}
          description={v.roomId ? t('block.roomHint') : t('block.noRoomHint')}
          value={v.roomId}
          onChange={(e) => set({ roomId: e.currentTarget.value })}
          data={[{ value: '', label: t('block.noRoom') }, ...props.rooms.map((r) => ({ value: r.id, label: r.name }))]}
        />
        {props.repeatable && (
          <RepeatFields value={v.repeat ?? null} startDate={v.fromDate} onChange={(repeat) => set({ repeat })} countLabel={t('block.count')} />
        )}
        <Group justify="space-between">
          {props.onDelete ? (
            confirming ? (
              <Group gap="xs">
                <Text>{t('block.deleteConfirm')}</Text>
                <Button color="red.9" loading={props.deleting} onClick={() => props.onDelete!(props.inSeries ? scope : 'one')}>
                  {t('block.deleteYes')}
                </Button>
                <Button variant="default" onClick={() => setConfirming(false)}>
                  {t('booking.cancel')}
                </Button>
              </Group>
            ) : (
              <Button color="red.9" variant="outline" onClick={() => setConfirming(true)}>
                {t('block.delete')}
              </Button>
            )
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={props.onCancel}>
              {t('booking.cancel')}
            </Button>
            <Button type="submit" loading={props.busy}>
              {props.submitLabel}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
