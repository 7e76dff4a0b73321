import { useState } from 'react';
import { Button, Card, Group, Loader, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useT } from '../../i18n/i18n';
import { ErrorAlert } from '../../components/ui/PageState';
import { useClientDirectory, useCreateClient } from './clientsApi';
import { ClientForm } from './ClientForm';
import { createBody, displayName, EMPTY_CLIENT } from './clientForm';

export interface PickedClient {
  id: string;
  firstName: string;
  lastName: string;
}

/**
 * Search the client directory by name prefix and pick a record, or create one (allowCreate). For the owner and staff
 * with documentation (the directory's readers); e.g. the booking dialog: `<ClientPicker onPick={(c) => setClientId(c.id)} allowCreate />`.
 */
export function ClientPicker(props: {
  label?: string;
  onPick: (client: PickedClient) => void;
  allowCreate?: boolean;
  excludeId?: string;
}) {
  const { t } = useT();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const [creating, setCreating] = useState(false);
  const results = useClientDirectory(debounced, debounced.length > 0);
  const create = useCreateClient();
  const items = (results.data?.pages.flatMap((p) => p.items) ?? []).filter((c) => c.id !== props.excludeId).slice(0, 10);

  if (creating) {
    const [first, ...rest] = query.trim().split(/\s+/);
    return (
      <Card withBorder>
        <ClientForm
          initial={{ ...EMPTY_CLIENT, firstName: rest.length ? first : '', lastName: rest.length ? rest.join(' ') : first ?? '' }}
          submitLabel={t('clients.create')}
          busy={create.isPending}
          error={create.error}
          withNotes={false}
          onCancel={() => setCreating(false)}
          onSubmit={(v) => create.mutate(createBody(v), { onSuccess: (c) => { setCreating(false); props.onPick(c); } })}
        />
      </Card>
    );
  }
  return (
    <Stack gap="xs">
      <TextInput
        type="search"
        label={props.label ?? t('clients.pickLabel')}
        description={t('clients.searchHint')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        maxLength={120}
        rightSection={results.isFetching ? <Loader size="xs" aria-hidden /> : null}
      />
      <ErrorAlert error={results.error} />
      {debounced && !results.isPending && (
        <div data-testid="client-picker-results">
          {items.length === 0 ? <Text size="sm" c="gray.7">{t('clients.noMatch')}</Text> : (
            <ul className="client-picks" aria-label={t('clients.matches')}>
              {items.map((c) => (
                <li key={c.id}>
                  <UnstyledButton className="client-pick" onClick={() => props.onPick(c)}>
                    <Text size="sm" fw={500} span>{displayName(c)}</Text>
                    {(c.birthDate || c.email) && <Text size="xs" c="gray.7" span> · {[c.birthDate, c.email].filter(Boolean).join(' · ')}</Text>}
                  </UnstyledButton>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {props.allowCreate && (
        <Group>
          <Button size="xs" variant="default" onClick={() => setCreating(true)}>{t('clients.createNew')}</Button>
        </Group>
      )}
    </Stack>
  );
}
