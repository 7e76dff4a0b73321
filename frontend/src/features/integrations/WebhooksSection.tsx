import { useState } from 'react';
import { Badge, Button, Card, Checkbox, Group, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useT } from '../../i18n/i18n';
import { ErrorAlert, PageState } from '../../components/ui/PageState';
import { formatDateTime } from '../../lib/time/zone';
import { useWebhooks, type Webhook, type WebhookEvent } from './useWebhooks';
import { useCreateWebhook } from './useCreateWebhook';
import { useUpdateWebhook } from './useUpdateWebhook';
import { useDeleteWebhook } from './useDeleteWebhook';
import { useRotateWebhookSecret } from './useRotateWebhookSecret';
import { useWebhookDeliveries } from './useWebhookDeliveries';
import { useRedeliver } from './useRedeliver';
import { ShownOnce } from './ShownOnce';

export const EVENTS: WebhookEvent[] = ['booking.created', 'booking.moved', 'booking.cancelled', 'grant.created', 'grant.accepted', 'grant.revoked',
  'staff.added', 'staff.changed', 'staff.removed', 'grant.declined'];

export function WebhooksSection({ zone }: { zone: string }) {
  const { t } = useT();
  const webhooks = useWebhooks();
  const create = useCreateWebhook();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['booking.created', 'booking.moved', 'booking.cancelled']);
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">{t('integrations.webhooks')}</Title>
        <Text size="sm" c="gray.7">{t('integrations.webhooksIntro')}</Text>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setSecret(null);
            create.mutate({ url: url.trim(), events: events as WebhookEvent[] }, {
              onSuccess: (created) => { setSecret(created.secret); setUrl(''); },
            });
          }}
        >
          <Stack gap="sm">
            <TextInput label={t('integrations.url')} type="url" required maxLength={2048} placeholder="https://" value={url}
              onChange={(e) => setUrl(e.currentTarget.value)} />
            <Checkbox.Group label={t('integrations.events')} value={events} onChange={setEvents}>
              <Group mt={4} gap="sm">
                {EVENTS.map((ev) => <Checkbox key={ev} value={ev} label={ev} />)}
              </Group>
            </Checkbox.Group>
            <ErrorAlert error={create.error} />
            <Button type="submit" loading={create.isPending} disabled={events.length === 0} w="fit-content">{t('integrations.createWebhook')}</Button>
          </Stack>
        </form>
        {secret && <ShownOnce label={t('integrations.secretOnce')} value={secret} testId="webhook-secret" onDone={() => setSecret(null)} />}
        {webhooks.error ? <PageState error={webhooks.error} /> : webhooks.isPending ? <PageState loading /> : webhooks.data.items.length === 0 ? (
          <Text>{t('integrations.noWebhooks')}</Text>
        ) : (
          <Stack gap="sm">
            {webhooks.data.items.map((w) => <WebhookItem key={w.id} webhook={w} zone={zone} />)}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function WebhookItem({ webhook, zone }: { webhook: Webhook; zone: string }) {
  const { t, locale } = useT();
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const rotate = useRotateWebhookSecret();
  const [secret, setSecret] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [showDeliveries, setShowDeliveries] = useState(false);
  const [editing, setEditing] = useState<string[] | null>(null);
  return (
    <Card withBorder padding="sm" data-testid="webhook" role="group" aria-label={webhook.url}>
      <Group justify="space-between" wrap="wrap">
        <Stack gap={2}>
          <Text fw={500} style={{ wordBreak: 'break-all' }}>{webhook.url}</Text>
          {editing ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                update.mutate({ id: webhook.id, body: { events: editing as WebhookEvent[] } }, { onSuccess: () => setEditing(null) });
              }}
            >
              <Stack gap="xs">
                <Checkbox.Group label={t('integrations.events')} value={editing} onChange={setEditing}>
                  <Group mt={4} gap="sm">
                    {EVENTS.map((ev) => <Checkbox key={ev} value={ev} label={ev} />)}
                  </Group>
                </Checkbox.Group>
                <Group gap="xs">
                  <Button type="submit" size="xs" loading={update.isPending} disabled={editing.length === 0}>{t('integrations.saveEvents')}</Button>
                  <Button size="xs" variant="default" onClick={() => setEditing(null)}>{t('booking.cancel')}</Button>
                </Group>
              </Stack>
            </form>
          ) : (
            <Text size="xs" c="gray.7" data-testid="webhook-events">{webhook.events.join(', ')}</Text>
          )}
          {webhook.disabledByFailures && <Badge autoContrast color="red.9">{t('integrations.disabledByFailures')}</Badge>}
          {webhook.failingSince && <Text size="xs" c="red.9">{t('integrations.failingSince', { at: formatDateTime(webhook.failingSince, zone, locale) })}</Text>}
        </Stack>
        <Group gap="xs">
          <Switch label={t('integrations.enabled')} checked={webhook.enabled} disabled={update.isPending}
            onChange={(e) => update.mutate({ id: webhook.id, body: { enabled: e.currentTarget.checked } })} />
          <Button size="xs" variant="default" loading={rotate.isPending}
            onClick={() => rotate.mutate(webhook.id, { onSuccess: (r) => setSecret(r.secret) })}>{t('integrations.rotate')}</Button>
          {!editing && (
            <Button size="xs" variant="default" onClick={() => { update.reset(); setEditing([...webhook.events]); }}>{t('integrations.editEvents')}</Button>
          )}
          <Button size="xs" variant="default" aria-expanded={showDeliveries} onClick={() => setShowDeliveries((v) => !v)}>{t('integrations.deliveries')}</Button>
          {confirming ? (
            <>
              <Text size="sm">{t('integrations.deleteConfirm')}</Text>
              <Button size="xs" color="red.9" loading={remove.isPending} onClick={() => remove.mutate(webhook.id)}>{t('integrations.delete')}</Button>
              <Button size="xs" variant="default" onClick={() => setConfirming(false)}>{t('booking.cancel')}</Button>
            </>
          ) : (
            <Button size="xs" color="red.9" variant="outline" onClick={() => setConfirming(true)}>{t('integrations.delete')}</Button>
          )}
        </Group>
      </Group>
      <ErrorAlert error={update.error ?? rotate.error ?? remove.error} />
      {secret && (
        <ShownOnce label={t('integrations.rotatedOnce')} value={secret} testId="webhook-secret" onDone={() => setSecret(null)} />
      )}
      {showDeliveries && <Deliveries webhookId={webhook.id} zone={zone} />}
    </Card>
  );
}

function Deliveries({ webhookId, zone }: { webhookId: string; zone: string }) {
  const { t, locale } = useT();
  const deliveries = useWebhookDeliveries(webhookId, true);
  const redeliver = useRedeliver(webhookId);
  if (deliveries.error) return <PageState error={deliveries.error} />;
  if (deliveries.isPending) return <PageState loading />;
  if (deliveries.data.items.length === 0) return <Text size="sm" mt="xs">{t('integrations.noDeliveries')}</Text>;
  return (
    <>
      <Table mt="xs" data-testid="deliveries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('integrations.deliveryAt')}</Table.Th>
            <Table.Th>{t('integrations.events')}</Table.Th>
            <Table.Th>{t('integrations.deliveryStatus')}</Table.Th>
            <Table.Th>{t('integrations.attempts')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deliveries.data.items.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{formatDateTime(d.createdAt, zone, locale)}</Table.Td>
              <Table.Td>{d.eventType}</Table.Td>
              <Table.Td>{t(`integrations.delivery.${d.status}`)}{d.lastResponseCode ? ` (HTTP ${d.lastResponseCode})` : ''}</Table.Td>
              <Table.Td>{d.attempts}</Table.Td>
              <Table.Td>
                {d.status === 'FAILED' && (
                  <Button size="compact-xs" variant="default" loading={redeliver.isPending && redeliver.variables === d.id} onClick={() => redeliver.mutate(d.id)}>
                    {t('integrations.redeliver')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ErrorAlert error={redeliver.error} />
    </>
  );
}
