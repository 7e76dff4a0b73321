import { List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useT } from '../../i18n/i18n';
import { formatRange } from '../../lib/time/zone';
import { PageState } from '../../components/ui/PageState';
import type { seriesApi } from './blockSeriesApi';

/** Every occurrence of the series as it stands (gebucht, abgesagt, übersprungen), the one opened marked. */
export function SeriesOccurrences({ api, seriesId, current, zone }: { api: typeof seriesApi; seriesId: string; current: string; zone: string }) {
  const { t, locale } = useT();
  const series = useQuery({ queryKey: ['calendar', 'series', seriesId], queryFn: () => api.get(seriesId) });
  if (series.error) return <PageState error={series.error} />;
  if (!series.data) return null;
  return (
    <List size="sm" spacing={2} data-testid="series-occurrences" aria-label={t('series.occurrences')}>
      {series.data.occurrences.map((o) => (
        <List.Item key={o.index} aria-current={o.bookingId === current ? 'true' : undefined}>
          <Text span size="sm" fw={o.bookingId === current ? 700 : 400}>
            {formatRange(o.start, o.end, zone, locale)}: {t(`series.status.${o.status}`)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
