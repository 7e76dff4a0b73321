import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/i18n';
import { PageState } from '../../components/ui/PageState';
import { useClientDirectory, useCreateClient } from './clientsApi';
import { ClientForm } from './ClientForm';
import { createBody, displayName, EMPTY_CLIENT } from './clientForm';

/**
 * The client directory (Klientyakten; owner and staff with documentation): last-name order, or the clients whose
 * first or last names start with every word typed ("mue" also finds "Müller"), 20 at a time; create a record.
 */
export function ClientsPage() {
  const { t, locale } = useT();
  const navigate = useNavigate();
  const erased = (useLocation().state as { erased?: boolean } | null)?.erased;
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 300);
  const directory = useClientDirectory(debounced);
  const [creating, setCreating] = useState(false);
  const create = useCreateClient();
  const items = directory.data?.pages.flatMap((p) => p.items) ?? [];
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('clients.title')}</Title>
        <Button onClick={() => { create.reset(); setCreating(true); }}>{t('clients.new')}</Button>
      </Group>
      {erased && <Alert color="green.9" role="status">{t('clients.erased')}</Alert>}
      <TextInput
        type="search"
        label={t('clients.search')}
        description={t('clients.searchHint')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        maxLength={120}
        maw={420}
      />
      {directory.isPending ? <PageState loading /> : directory.error ? <PageState error={directory.error} /> : items.length === 0 ? (
        <Text>{debounced ? t('clients.noMatch') : t('clients.empty')}</Text>
      ) : (
        <>
          <Table data-testid="client-directory">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('clients.name')}</Table.Th>
                <Table.Th>{t('clients.birthDate')}</Table.Th>
                <Table.Th>{t('clients.contact')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id} data-testid="client-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/clients/${encodeURIComponent(c.id)}`}>{displayName(c)}</Anchor>
                    {c.source === 'online' && <Badge ml="xs" size="xs" variant="outline" color="gray.8">{t('clients.sourceOnline')}</Badge>}
                  </Table.Td>
                  <Table.Td>{c.birthDate ? dateFormat.format(new Date(`${c.birthDate}T00:00:00Z`)) : ''}</Table.Td>
                  <Table.Td>{[c.email, c.phone].filter(Boolean).join(' · ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {directory.hasNextPage && (
            <Group>
              <Button variant="default" loading={directory.isFetchingNextPage} onClick={() => void directory.fetchNextPage()}>{t('clients.more')}</Button>
            </Group>
          )}
        </>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('clients.new')} size="lg" closeButtonProps={{ 'aria-label': t('booking.close') }}>
        <ClientForm
          initial={EMPTY_CLIENT}
          submitLabel={t('clients.create')}
          busy={create.isPending}
          error={create.error}
          onCancel={() => setCreating(false)}
          onSubmit={(v) => create.mutate(createBody(v), { onSuccess: (c) => { setCreating(false); navigate(`/clients/${encodeURIComponent(c.id)}`); } })}
        />
      </Modal>
    </Stack>
  );
}
