import { Alert, List, Text } from '@mantine/core';
import { useT } from '../../i18n/i18n';
import { formatRange } from '../../lib/time/zone';
import { skipReasonKey } from './series';
import type { Notice } from './useCalendarMutations';

export interface Occurrence {
  start: string;
  end: string;
  /** absent or undefined: free (or booked); else the code it is or would be skipped with */
  code?: string;
}

/** Occurrences of a series, each "frei" or why not, in words (the preview, or what a create or move skipped). */
export function OccurrenceList({ items, zone, testId, preview }: { items: Occurrence[]; zone: string; testId: string; preview?: boolean }) {
  const { t, locale } = useT();
  return (
    <List size="sm" spacing={2} data-testid={testId}>
      {items.map((o) => (
        <List.Item key={o.start} data-free={o.code ? 'false' : 'true'}>
          <Text span size="sm">
            {formatRange(o.start, o.end, zone, locale)}:{' '}
          </Text>
          <Text span size="sm" fw={o.code ? 700 : 400} c={o.code ? '#a61e1e' : '#1b5e20'}>
            {o.code ? (preview ? t('series.willSkip', { reason: t(skipReasonKey(o.code)) }) : t(skipReasonKey(o.code))) : t('series.free')}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/** What the last change did; for a series or a weekly block also the occurrences that were skipped or left. */
export function NoticeAlert({ notice, zone, onClose }: { notice: Notice; zone: string; onClose: () => void }) {
  const { t } = useT();
  return (
    <Alert color={notice.skipped?.length ? 'yellow' : 'green'} role="status" data-testid="calendar-notice" withCloseButton onClose={onClose} closeButtonLabel={t('booking.close')}>
      <Text size="sm">{t(notice.key, notice.params)}</Text>
      {notice.skipped && notice.skipped.length > 0 && <OccurrenceList items={notice.skipped} zone={zone} testId="skipped-occurrences" />}
    </Alert>
  );
}
