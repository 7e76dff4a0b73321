import { useState } from 'react';
import { Badge, Button, Card, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useT } from '../../i18n/i18n';
import { ErrorAlert, PageState } from '../../components/ui/PageState';
import { formatDateTime } from '../../lib/time/zone';
import { useFeeds, type Feed } from './useFeeds';
import { useCreateFeed } from './useCreateFeed';
import { useDeleteFeed } from './useDeleteFeed';
import { ShownOnce } from './ShownOnce';

export function FeedsSection({ zone }: { zone: string }) {
  const { t } = useT();
  const feeds = useFeeds();
  const create = useCreateFeed();
  const [includeBusy, setIncludeBusy] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">{t('integrations.feeds')}</Title>
        <Text size="sm" c="gray.7">{t('integrations.feedsIntro')}</Text>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setUrl(null);
            create.mutate(includeBusy, { onSuccess: (f) => setUrl(f.url) });
          }}
        >
          <Group align="center">
            <Checkbox label={t('integrations.includeBusy')} checked={includeBusy} onChange={(e) => setIncludeBusy(e.currentTarget.checked)} />
            <Button type="submit" loading={create.isPending}>{t('integrations.createFeed')}</Button>
          </Group>
        </form>
        <ErrorAlert error={create.error} />
        {url && <ShownOnce label={t('integrations.feedOnce')} value={url} testId="feed-url" onDone={() => setUrl(null)} />}
        {feeds.error ? <PageState error={feeds.error} /> : feeds.isPending ? <PageState loading /> : feeds.data.items.length === 0 ? (
          <Text>{t('integrations.noFeeds')}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('integrations.createdAt')}</Table.Th>
                <Table.Th>{t('integrations.content')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {feeds.data.items.map((f) => <FeedRow key={f.id} feed={f} zone={zone} />)}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}

function FeedRow({ feed, zone }: { feed: Feed; zone: string }) {
  const { t, locale } = useT();
  const remove = useDeleteFeed();
  const [confirming, setConfirming] = useState(false);
  return (
    <Table.Tr data-testid="feed">
      <Table.Td>{formatDateTime(feed.createdAt, zone, locale)}</Table.Td>
      <Table.Td>
        {t('integrations.ownAppointments')}
        {feed.includeBusy && <Badge autoContrast ml="xs" variant="outline" color="gray.8">{t('integrations.withBusy')}</Badge>}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end">
          {confirming ? (
            <>
              <Text size="sm">{t('integrations.deleteFeedConfirm')}</Text>
              <Button size="xs" color="red.9" loading={remove.isPending} onClick={() => remove.mutate(feed.id)}>{t('integrations.delete')}</Button>
              <Button size="xs" variant="default" onClick={() => setConfirming(false)}>{t('booking.cancel')}</Button>
            </>
          ) : (
            <Button size="xs" color="red.9" variant="outline" onClick={() => setConfirming(true)}>{t('integrations.delete')}</Button>
          )}
        </Group>
        <ErrorAlert error={remove.error} />
      </Table.Td>
    </Table.Tr>
  );
}
