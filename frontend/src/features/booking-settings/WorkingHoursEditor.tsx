import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useT } from '../../i18n/i18n';
import { addInterval, copyDay, DAYS, MAX_INTERVALS, problems, removeInterval, updateInterval, weeklyMinutes, type WorkingHours } from './workingHours';

/** Working hours per weekday, several intervals a day; problems are named next to the interval before saving. */
export function WorkingHoursEditor({ hours, onChange }: { hours: WorkingHours; onChange: (next: WorkingHours) => void }) {
  const { t } = useT();
  const found = problems(hours);
  const problemOf = (day: string, index: number) => found.find((p) => p.day === day && p.index === index);
  const total = weeklyMinutes(hours);
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb={4}>{t('settings.workingHours')}</Title>
      <Text size="sm" c="gray.7" mb="xs">
        {t('settings.weeklyTotal', { hours: Math.floor(total / 60), minutes: total % 60 })}
      </Text>
      <Stack gap="sm">
        {DAYS.map((day) => {
          const dayName = t(`day.${day}`);
          const intervals = hours[day] ?? [];
          return (
            <Group key={day} align="flex-start" wrap="wrap" data-testid={`day-${day}`} role="group" aria-label={dayName}>
              <Text w={110} pt={6} fw={500}>{dayName}</Text>
              <Stack gap={6} style={{ flex: 1 }}>
                {intervals.length === 0 && <Text size="sm" c="gray.7" pt={6}>{t('settings.closed')}</Text>}
                {intervals.map((iv, i) => {
                  const problem = problemOf(day, i);
                  const error = problem ? t(`settings.problem.${problem.kind}`) : undefined;
                  const label = t('settings.interval', { day: dayName, n: i + 1 });
                  return (
                    <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
                      <TextInput type="time" label={`${label}: ${t('settings.from')}`} value={iv.from} error={error}
                        onChange={(e) => onChange(updateInterval(hours, day, i, { from: e.currentTarget.value }))} />
                      <TextInput type="time" label={`${label}: ${t('settings.to')}`} value={iv.to} error={error ? ' ' : undefined}
                        onChange={(e) => onChange(updateInterval(hours, day, i, { to: e.currentTarget.value }))} />
                      <Button mt={24} variant="default" color="red.9" size="xs" aria-label={`${label}: ${t('settings.remove')}`}
                        onClick={() => onChange(removeInterval(hours, day, i))}>
                        {t('settings.remove')}
                      </Button>
                    </Group>
                  );
                })}
                <Group gap="xs">
                  <Button variant="default" size="xs" disabled={intervals.length >= MAX_INTERVALS}
                    aria-label={`${t('settings.addInterval')}: ${dayName}`} onClick={() => onChange(addInterval(hours, day))}>
                    {t('settings.addInterval')}
                  </Button>
                  {intervals.length > 0 && (
                    <Button variant="default" size="xs" aria-label={t('settings.copyToWeekdaysOf', { day: dayName })}
                      onClick={() => onChange(copyDay(hours, day))}>
                      {t('settings.copyToWeekdays')}
                    </Button>
                  )}
                </Group>
              </Stack>
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}
