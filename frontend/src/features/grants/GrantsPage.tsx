import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, call } from '../../lib/api/client';
import { useT } from '../../i18n/i18n';
import { ErrorAlert, PageState } from '../../components/ui/PageState';
import { zonedIso } from '../../lib/time/zone';
import { useMe } from '../../app/useMe';

type Scope = 'appointments:read' | 'appointments:write';

/** Giving grants needs plan L; receiving and accepting them works on every plan. */
export function GrantsPage() {
  const { t, locale } = useT();
  const me = useMe();
  const queryClient = useQueryClient();
  const grants = useQuery({ queryKey: ['grants'], queryFn: () => call(api.GET('/v1/grants')) });
  const [email, setEmail] = useState('');
  const [write, setWrite] = useState(false);
  const [expires, setExpires] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['grants'] });
  const create = useMutation({
    mutationFn: () =>
      call(
        api.POST('/v1/grants', {
          body: {
            granteeEmail: email.trim(),
            scopes: (write ? ['appointments:read', 'appointments:write'] : ['appointments:read']) as Scope[],
            ...(expires ? { expiresAt: zonedIso(expires, '23:59', me.data?.timeZone ?? 'Europe/Berlin') } : {}),
          },
        }),
      ),
    onSuccess: () => {
      setEmail('');
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => call(api.DELETE('/v1/grants/{grantId}', { params: { path: { grantId: id } } })),
    onSuccess: () => void refresh(),
  });
  const accept = useMutation({
    mutationFn: (id: string) => call(api.POST('/v1/grants/{grantId}/accept', { params: { path: { grantId: id } } })),
    onSuccess: () => void refresh(),
  });
  const date = (iso?: string) => (iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso)) : '–');
  const scopes = (s: string[]) => s.map((x) => (x === 'appointments:write' ? t('grants.scopeWrite') : t('grants.scopeRead'))).join(', ');

  return (
    <Stack>
      <Title order={2}>{t('grants.title')}</Title>
      {me.data && !me.data.limits.delegation ? (
        <Alert color="gray" title={t('plan.locked.title')} data-testid="plan-locked">
          {t('plan.locked.body', { plan: 'L', current: me.data.plan })}
        </Alert>
      ) : (
      <Card withBorder>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <Group align="flex-end" wrap="wrap">
            <TextInput type="email" label={t('grants.email')} value={email} onChange={(e) => setEmail(e.currentTarget.value)} required />
            <Checkbox label={t('grants.scopeWrite')} checked={write} onChange={(e) => setWrite(e.currentTarget.checked)} />
            <TextInput type="date" label={t('grants.expires')} value={expires} onChange={(e) => setExpires(e.currentTarget.value)} />
            <Button type="submit" loading={create.isPending}>{t('grants.create')}</Button>
          </Group>
        </form>
      </Card>
      )}
      <ErrorAlert error={create.error ?? revoke.error ?? accept.error} />
      {grants.isPending ? <PageState loading /> : grants.error ? <PageState error={grants.error} /> : (
        <>
          <Title order={3} size="h4">{t('grants.given')}</Title>
          {grants.data.given.length === 0 ? <Text>{t('grants.none')}</Text> : (
            <Table>
              <Table.Tbody>
                {grants.data.given.map((g) => (
                  <Table.Tr key={g.id}>
                    <Table.Td>{g.granteeEmail}</Table.Td>
                    <Table.Td>{scopes(g.scopes)}</Table.Td>
                    <Table.Td>{date(g.expiresAt)}</Table.Td>
                    <Table.Td><Badge color={g.status === 'ACTIVE' ? 'green.9' : 'gray.7'}>{g.status}</Badge></Table.Td>
                    <Table.Td>
                      {(g.status === 'ACTIVE' || g.status === 'OFFERED') && (
                        <Button size="xs" color="red.9" variant="outline" onClick={() => revoke.mutate(g.id)}>{t('grants.revoke')}</Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Title order={3} size="h4">{t('grants.received')}</Title>
          {grants.data.received.length === 0 ? <Text>{t('grants.none')}</Text> : (
            <Table>
              <Table.Tbody>
                {grants.data.received.map((g) => (
                  <Table.Tr key={`${g.accountId}-${g.id}`}>
                    <Table.Td>{g.accountId}</Table.Td>
                    <Table.Td>{scopes(g.scopes)}</Table.Td>
                    <Table.Td>{date(g.expiresAt)}</Table.Td>
                    <Table.Td><Badge color={g.status === 'ACTIVE' ? 'green.9' : 'gray.7'}>{g.status}</Badge></Table.Td>
                    <Table.Td>
                      {g.status === 'ACTIVE' && <Anchor component={Link} to={`/delegated/${g.accountId}`}>{t('grants.open')}</Anchor>}
                      {g.status === 'OFFERED' && (
                        <Button size="xs" onClick={() => accept.mutate(g.id)} loading={accept.isPending}>{t('grants.accept')}</Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Stack>
  );
}
