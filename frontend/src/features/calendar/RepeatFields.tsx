import { Checkbox, NativeSelect, Radio, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useT } from '../../i18n/i18n';
import { defaultRepeat, MAX_COUNT, MIN_COUNT, type RepeatValue } from './series';

/** "wöchentlich wiederholen": every 1–4 weeks, a number of appointments or until a date. */
export function RepeatFields({ value, startDate, onChange, countLabel }: {
  value: RepeatValue | null;
  startDate: string;
  onChange: (v: RepeatValue | null) => void;
  countLabel?: string;
}) {
  const { t } = useT();
  return (
    <Stack gap="xs">
      <Checkbox
        label={t('series.repeat')}
        checked={value !== null}
        onChange={(e) => onChange(e.currentTarget.checked ? defaultRepeat(startDate) : null)}
      />
      {value && (
        <SimpleGrid cols={{ base: 1, xs: 3 }} data-testid="repeat-fields">
          <NativeSelect
            label={t('series.interval')}
            value={String(value.interval)}
            onChange={(e) => onChange({ ...value, interval: Number(e.currentTarget.value) })}
            data={[1, 2, 3, 4].map((n) => ({ value: String(n), label: t(n === 1 ? 'series.everyWeek' : 'series.everyNWeeks', { n }) }))}
          />
          <Radio.Group label={t('series.endLabel')} value={value.end} onChange={(end) => onChange({ ...value, end: end as RepeatValue['end'] })}>
            <Group gap="sm" mt={6}>
              <Radio value="count" label={t('series.endCount')} />
              <Radio value="until" label={t('series.endUntil')} />
            </Group>
          </Radio.Group>
          {value.end === 'count' ? (
            <TextInput
              type="number"
              label={countLabel ?? t('series.count')}
              min={MIN_COUNT}
              max={MAX_COUNT}
              value={String(value.count)}
              onChange={(e) => onChange({ ...value, count: Number(e.currentTarget.value) })}
              required
            />
          ) : (
            <TextInput type="date" label={t('series.until')} value={value.until} onChange={(e) => onChange({ ...value, until: e.currentTarget.value })} required />
          )}
        </SimpleGrid>
      )}
    </Stack>
  );
}
