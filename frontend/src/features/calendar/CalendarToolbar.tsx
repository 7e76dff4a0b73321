import { useState } from 'react';
import { Button, Group, Text, TextInput, Title } from '@mantine/core';
import type { CalendarApi as FullCalendarApi } from '@fullcalendar/core';
import { useT } from '../../i18n/i18n';

/** Title, the week shown, previous/today/next, jump to a date and "Neuer Termin". */
export function CalendarToolbar({ title, weekLabel, calendar, onNew, canBook }: {
  title: string;
  weekLabel: string;
  calendar: () => FullCalendarApi | undefined;
  onNew?: () => void;
  canBook: boolean;
}) {
  const { t } = useT();
  const [jump, setJump] = useState('');
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap">
      <div>
        <Title order={2}>{title}</Title>
        <Text size="sm" c="gray.7" aria-live="polite" data-testid="week-label">
          {weekLabel}
        </Text>
      </div>
      <Group gap="xs" wrap="wrap" align="flex-end">
        <Button variant="default" onClick={() => calendar()?.prev()}>{t('calendar.prev')}</Button>
        <Button variant="default" onClick={() => calendar()?.today()}>{t('calendar.today')}</Button>
        <Button variant="default" onClick={() => calendar()?.next()}>{t('calendar.next')}</Button>
        <TextInput
          type="date"
          label={t('calendar.jump')}
          value={jump}
          onChange={(e) => {
            setJump(e.currentTarget.value);
            if (e.currentTarget.value) calendar()?.gotoDate(e.currentTarget.value);
          }}
        />
        {onNew && (
          <Button onClick={onNew} disabled={!canBook}>
            {t('calendar.new')}
          </Button>
        )}
      </Group>
    </Group>
  );
}
