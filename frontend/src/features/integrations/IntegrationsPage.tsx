import { useState } from 'react';
import { Alert, Button, Card, Checkbox, CopyButton, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../lib/api/client';
import { useT } from '../../i18n/i18n';
import { ErrorAlert, PageState } from '../../components/ui/PageState';

type EventType = Schemas['WebhookEventType'];
const EVENTS: EventType[] = ['booking.created', 'booking.moved', 'booking.cancelled', 'grant.created', 'grant.revoked', 'staff.added', 'staff.changed', 'staff.removed'];

/** A secret or URL the API shows exactly once: displayed with a copy button until the page is left. */
function ShownOnce({ label, value }: { label: string; value: string }) {
  const { t } = useT();
  return (
    <Alert color="yellow" title={label} data-testid="shown-once">
      <Group wrap="nowrap" align="flex-start">
        <Text className="secret">{value}</Text>
        <CopyButton value={value}>
          {({ copied, copy }) => <Button size="xs" onClick={copy}>{copied ? t('integrations.copied') : t('integrations.copy')}</Button>}
        </CopyButton>
      </Group>
    </Alert>
  );
}

export function IntegrationsPage() {
  const { t, locale } = useT();
  const queryClient = useQueryClient();
  const webhooks = useQuery({ queryKey: ['webhooks'], queryFn: () => call(api.GET('/v1/webhooks')) });
  const feeds = useQuery({ queryKey: ['feeds'], queryFn: () => call(api.GET('/v1/feeds')) });
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<EventType[]>(['booking.created', 'booking.moved', 'booking.cancelled']);
  const [secret, setSecret] = useState<string | null>(null);
  const [includeBusy, setIncludeBusy] = useState(false);
  const [feedUrl, setFeedUrl] = useState<string | null>(null);
  const createHook = useMutation({
    mutationFn: () => call(api.POST('/v1/webhooks', { body: { url: url.trim(), events } })),
    onSuccess: (w) => {
      setSecret(w.secret);
      setUrl('');
      void queryClient.invalidateQueries({ queryKey: ['webhooks'] });
    },
  });
  const deleteHook = useMutation({
    mutationFn: (id: string) => call(api.DELETE('/v1/webhooks/{webhookId}', { params: { path: { webhookId: id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['webhooks'] }),
  });
  const createFeed = useMutation({
    mutationFn: () => call(api.POST('/v1/feeds', { body: { includeBusy } })),
    onSuccess: (f) => {
      setFeedUrl(f.url);
      void queryClient.invalidateQueries({ queryKey: ['feeds'] });
    },
  });
  const deleteFeed = useMutation({
    mutationFn: (id: string) => call(api.DELETE('/v1/feeds/{feedId}', { params: { path: { feedId: id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['feeds'] }),
  });
  const date = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  return (
    <Stack>
      <Title order={2}>{t('integrations.title')}</Title>
      <Card withBorder>
        <Title order={3} size="h4" mb="xs">{t('integrations.webhooks')}</Title>
        <form onSubmit={(e) => { e.preventDefault(); setSecret(null); createHook.mutate(); }}>
          <Stack>
            <TextInput type="url" label={t('integrations.url')} placeholder="https://" value={url} onChange={(e) => setUrl(e.currentTarget.value)} required />
            <Checkbox.Group label={t('integrations.events')} value={events} onChange={(v) => setEvents(v as EventType[])}>
              <Group gap="sm" mt={4}>{EVENTS.map((ev) => <Checkbox key={ev} value={ev} label={ev} />)}</Group>
            </Checkbox.Group>
            <Button type="submit" loading={createHook.isPending} w="fit-content">{t('integrations.createWebhook')}</Button>
          </Stack>
        </form>
        <ErrorAlert error={createHook.error ?? deleteHook.error} />
        {secret && <ShownOnce label={t('integrations.secretOnce')} value={secret} />}
        {webhooks.isPending ? <PageState loading /> : webhooks.error ? <PageState error={webhooks.error} /> : webhooks.data.items.length === 0 ? <Text mt="sm">{t('integrations.none')}</Text> : (
          <Table mt="sm">
            <Table.Tbody>
              {webhooks.data.items.map((w) => (
                <Table.Tr key={w.id}>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{w.url}</Table.Td>
                  <Table.Td>{w.events.join(', ')}</Table.Td>
                  <Table.Td>{w.enabled ? '✓' : '–'}</Table.Td>
                  <Table.Td><Button size="xs" color="red.9" variant="outline" onClick={() => deleteHook.mutate(w.id)}>{t('integrations.delete')}</Button></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card withBorder>
        <Title order={3} size="h4" mb="xs">{t('integrations.feeds')}</Title>
        <Group align="flex-end">
          <Checkbox label={t('integrations.includeBusy')} checked={includeBusy} onChange={(e) => setIncludeBusy(e.currentTarget.checked)} />
          <Button onClick={() => { setFeedUrl(null); createFeed.mutate(); }} loading={createFeed.isPending}>{t('integrations.createFeed')}</Button>
        </Group>
        <ErrorAlert error={createFeed.error ?? deleteFeed.error} />
        {feedUrl && <ShownOnce label={t('integrations.feedOnce')} value={feedUrl} />}
        {feeds.data && feeds.data.items.length > 0 && (
          <Table mt="sm">
            <Table.Tbody>
              {feeds.data.items.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{date(f.createdAt)}</Table.Td>
                  <Table.Td>{f.includeBusy ? t('integrations.includeBusy') : ''}</Table.Td>
                  <Table.Td><Button size="xs" color="red.9" variant="outline" onClick={() => deleteFeed.mutate(f.id)}>{t('integrations.delete')}</Button></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
