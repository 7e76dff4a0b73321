import { useState } from 'react';
import { Alert, Button, Card, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../i18n/i18n';
import { PageState } from '../../components/ui/PageState';
import { useMe } from '../../app/useMe';
import { formatDateTime } from '../../lib/time/zone';
import { ACTIONS, defaultFilter, toQuery, type AuditFilter } from './auditFilter';
import { auditKey, useAuditEntries } from './useAuditEntries';
import { useAuditVerification } from './useAuditVerification';
import type { Schemas } from '../../lib/api/client';

type Entry = Schemas['AuditEntry'];

/** The audit trail: filter by date range, actor and action; the chain's verification result for the range. */
export function AuditPage() {
  const { t, locale } = useT();
  const me = useMe();
  const queryClient = useQueryClient();
  const zone = me.data?.timeZone ?? 'Europe/Berlin';
  const [form, setForm] = useState<AuditFilter>(() => defaultFilter(zone));
  const [applied, setApplied] = useState<AuditFilter>(form);
  const query = toQuery(applied, zone);
  const entries = useAuditEntries(query);
  const verification = useAuditVerification(query);
  const items = entries.data?.pages.flatMap((p) => p.items) ?? [];
  const actorLabel = (e: Entry) => (e.actor.userId === me.data?.userId ? t('audit.you') : `${t(`audit.kind.${e.actor.kind}`)} · ${e.actor.userId}`);
  const actionLabel = (a: string) => {
    const text = t(`audit.action.${a}`);
    return text === `audit.action.${a}` ? a : text;
  };
  const invalid = toQuery(form, zone) === null;

  return (
    <Stack>
      <Title order={2}>{t('audit.title')}</Title>
      <Card withBorder>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!invalid) setApplied(form);
          }}
        >
          <Group align="flex-end" wrap="wrap">
            <TextInput type="date" label={t('audit.from')} value={form.fromDate} onChange={(e) => setForm({ ...form, fromDate: e.currentTarget.value })} />
            <TextInput type="date" label={t('audit.to')} value={form.toDate} onChange={(e) => setForm({ ...form, toDate: e.currentTarget.value })}
              error={invalid ? t('audit.badRange') : undefined} />
            <TextInput label={t('audit.actorId')} value={form.actor} onChange={(e) => setForm({ ...form, actor: e.currentTarget.value })} />
            <NativeSelect label={t('audit.action')} value={form.action} onChange={(e) => setForm({ ...form, action: e.currentTarget.value })}
              data={[{ value: '', label: t('audit.allActions') }, ...ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))]} />
            <Button type="submit" disabled={invalid}>{t('audit.filter')}</Button>
          </Group>
        </form>
      </Card>
      <Group justify="space-between" align="center">
        <div aria-live="polite" data-testid="audit-verification">
          {verification.isPending ? <Text size="sm">{t('audit.verifying')}</Text> : verification.error ? <PageState error={verification.error} /> : verification.data.ok ? (
            <Alert color="green.9" role="status" title={t('audit.verified')}>{t('audit.checked', { n: verification.data.checked })}</Alert>
          ) : (
            <Alert color="red.9" role="alert" title={t('audit.broken')}>
              {t('audit.firstBroken', { id: verification.data.firstBrokenEventId ?? '?' })}
            </Alert>
          )}
        </div>
        <Button variant="default" onClick={() => queryClient.invalidateQueries({ queryKey: auditKey })}>{t('audit.verify')}</Button>
      </Group>
      {entries.error ? <PageState error={entries.error} /> : entries.isPending ? <PageState loading /> : items.length === 0 ? (
        <Text>{t('audit.empty')}</Text>
      ) : (
        <Table striped data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.at')}</Table.Th>
              <Table.Th>{t('audit.actor')}</Table.Th>
              <Table.Th>{t('audit.action')}</Table.Th>
              <Table.Th>{t('audit.target')}</Table.Th>
              <Table.Th>{t('audit.changes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((e) => (
              <Table.Tr key={e.eventId} data-testid="audit-entry" data-action={e.action}>
                <Table.Td>{formatDateTime(e.at, zone, locale)}</Table.Td>
                <Table.Td>{actorLabel(e)}</Table.Td>
                <Table.Td>{actionLabel(e.action)}</Table.Td>
                <Table.Td>{e.target.type} {e.target.id}</Table.Td>
                <Table.Td>
                  {Object.entries(e.changes).map(([field, c]) => (
                    <Text key={field} size="xs">{field}: {c.from ?? '–'} → {c.to ?? '–'}</Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {entries.hasNextPage && (
        <Button variant="default" w="fit-content" loading={entries.isFetchingNextPage} onClick={() => entries.fetchNextPage()}>{t('audit.more')}</Button>
      )}
    </Stack>
  );
}
