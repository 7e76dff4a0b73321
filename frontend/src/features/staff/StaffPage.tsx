import { useState } from 'react';
import { Button, Card, Checkbox, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client';
import { useT } from '../../i18n/i18n';
import { ErrorAlert, PageState } from '../../components/ui/PageState';
import { PlanGate } from '../../components/ui/PlanGate';

const SCOPES = ['appointments', 'documentation', 'invoicing', 'reports', 'finances', 'audit'] as const;
type Scope = (typeof SCOPES)[number];
type Role = 'SECRETARY' | 'ACCOUNTING' | 'CUSTOM';

export function StaffPage() {
  const { t } = useT();
  return (
    <PlanGate section="staff" title={t('staff.title')}>
      <Staff />
    </PlanGate>
  );
}

function ScopePicker({ value, onChange }: { value: string[]; onChange: (v: Scope[]) => void }) {
  const { t } = useT();
  return (
    <Checkbox.Group label={t('staff.scopes')} value={value} onChange={(v) => onChange(v as Scope[])}>
      <Group gap="sm" mt={4}>
        {SCOPES.map((s) => <Checkbox key={s} value={s} label={t(`staff.scope.${s}`)} />)}
      </Group>
    </Checkbox.Group>
  );
}

function Staff() {
  const { t } = useT();
  const queryClient = useQueryClient();
  const staff = useQuery({ queryKey: ['staff'], queryFn: () => call(api.GET('/v1/staff')) });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('SECRETARY');
  const [scopes, setScopes] = useState<Scope[]>(['appointments']);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['staff'] });
  const add = useMutation({
    mutationFn: () => call(api.POST('/v1/staff', { body: { email: email.trim(), role, ...(role === 'CUSTOM' ? { scopes } : {}) } })),
    onSuccess: () => {
      setEmail('');
      void refresh();
    },
  });
  const update = useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: { role?: Role; scopes?: Scope[] } }) =>
      call(api.PATCH('/v1/staff/{userId}', { params: { path: { userId } }, body })),
    onSuccess: () => void refresh(),
  });
  const remove = useMutation({
    mutationFn: (userId: string) => call(api.DELETE('/v1/staff/{userId}', { params: { path: { userId } } })),
    onSuccess: () => void refresh(),
  });
  const roles = (['SECRETARY', 'ACCOUNTING', 'CUSTOM'] as Role[]).map((r) => ({ value: r, label: t(`staff.role.${r}`) }));

  return (
    <Stack>
      <Title order={2}>{t('staff.title')}</Title>
      <Card withBorder>
        <form onSubmit={(e) => { e.preventDefault(); add.mutate(); }}>
          <Stack>
            <Group align="flex-end" wrap="wrap">
              <TextInput type="email" label={t('staff.email')} value={email} onChange={(e) => setEmail(e.currentTarget.value)} required />
              <NativeSelect label={t('staff.role')} value={role} onChange={(e) => setRole(e.currentTarget.value as Role)} data={roles} />
              <Button type="submit" loading={add.isPending}>{t('staff.add')}</Button>
            </Group>
            {role === 'CUSTOM' && <ScopePicker value={scopes} onChange={setScopes} />}
          </Stack>
        </form>
        <ErrorAlert error={add.error ?? update.error ?? remove.error} />
      </Card>
      {staff.isPending ? <PageState loading /> : staff.error ? <PageState error={staff.error} /> : staff.data.items.length === 0 ? <Text>{t('staff.none')}</Text> : (
        <Table>
          <Table.Thead>
            <Table.Tr><Table.Th>{t('staff.email')}</Table.Th><Table.Th>{t('staff.scopes')}</Table.Th><Table.Th /></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {staff.data.items.map((m) => (
              <Table.Tr key={m.userId}>
                <Table.Td>{m.email}</Table.Td>
                <Table.Td><ScopePicker value={m.scopes} onChange={(v) => update.mutate({ userId: m.userId, body: { role: 'CUSTOM', scopes: v } })} /></Table.Td>
                <Table.Td><Button size="xs" color="red.9" variant="outline" onClick={() => remove.mutate(m.userId)}>{t('staff.remove')}</Button></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
