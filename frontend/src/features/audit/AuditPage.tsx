import { useState } from 'react';
import { Alert, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client';
import { useT } from '../../i18n/i18n';
import { ErrorAlert, PageState } from '../../components/ui/PageState';
import { useMe } from '../../app/useMe';
import { zonedIso, formatDateTime } from '../../lib/time/zone';

interface Filter { from: string; to: string; actor: string; action: string }

export function AuditPage() {
  const { t, locale } = useT();
  const me = useMe();
  const zone = me.data?.timeZone ?? 'Europe/Berlin';
  const [draft, setDraft] = useState<Filter>({ from: '', to: '', actor: '', action: '' });
  const [filter, setFilter] = useState<Filter>(draft);
  const query = {
    ...(filter.from ? { from: zonedIso(filter.from, '00:00', zone) } : {}),
    ...(filter.to ? { to: zonedIso(filter.to, '23:59', zone) } : {}),
    ...(filter.actor.trim() ? { actor: filter.actor.trim() } : {}),
    ...(filter.action.trim() ? { action: filter.action.trim() } : {}),
  };
  const entries = useQuery({ queryKey: ['audit', query], queryFn: () => call(api.GET('/v1/audit', { params: { query } })) });
  const verify = useMutation({
    mutationFn: () => call(api.GET('/v1/audit/verify', { params: { query: { ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) } } })),
  });
  return (
    <Stack>
      <Title order={2}>{t('audit.title')}</Title>
      <form onSubmit={(e) => { e.preventDefault(); setFilter(draft); }}>
        <Group align="flex-end" wrap="wrap">
          <TextInput type="date" label={t('audit.from')} value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
          <TextInput type="date" label={t('audit.to')} value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
          <TextInput label={t('audit.actor')} value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.currentTarget.value })} />
          <TextInput label={t('audit.action')} placeholder="booking.moved" value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value })} />
          <Button type="submit">{t('audit.filter')}</Button>
          <Button variant="default" onClick={() => verify.mutate()} loading={verify.isPending}>{t('audit.verify')}</Button>
        </Group>
      </form>
      <ErrorAlert error={verify.error} />
      {verify.data && (
        <Alert color={verify.data.ok ? 'green' : 'red'} role="status" data-testid="audit-verify">
          {verify.data.ok ? t('audit.verified') : `${t('audit.broken')} (${verify.data.firstBrokenEventId ?? ''})`} · {verify.data.checked}
        </Alert>
      )}
      {entries.isPending ? <PageState loading /> : entries.error ? <PageState error={entries.error} /> : entries.data.items.length === 0 ? <Text>{t('audit.empty')}</Text> : (
        <Table>
          <Table.Thead>
            <Table.Tr><Table.Th>{t('audit.at')}</Table.Th><Table.Th>{t('audit.actor')}</Table.Th><Table.Th>{t('audit.action')}</Table.Th><Table.Th>{t('audit.target')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.data.items.map((e) => (
              <Table.Tr key={e.eventId}>
                <Table.Td>{formatDateTime(e.at, zone, locale)}</Table.Td>
                <Table.Td>{e.actor.kind} {e.actor.userId.slice(0, 8)}</Table.Td>
                <Table.Td>{e.action}</Table.Td>
                <Table.Td>{e.target.type} {e.target.id.slice(0, 8)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
