import { useState } from 'react';
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useT } from '../../i18n/i18n';
import { ErrorAlert } from '../../components/ui/PageState';
import type { StaffMember } from './useStaff';
import { useUpdateStaff } from './useUpdateStaff';
import { useRemoveStaff } from './useRemoveStaff';
import { RoleScopesFields } from './RoleScopesFields';
import { requestFor, roleOf, ROLE_SCOPES, type Role } from './staffRoles';

export function StaffRow({ member }: { member: StaffMember }) {
  const { t } = useT();
  const update = useUpdateStaff();
  const remove = useRemoveStaff();
  // the role the owner gave (older members: the role their scopes are)
  const current: Role = member.role ?? roleOf(member.scopes);
  const [editing, setEditing] = useState(false);
  const [role, setRole] = useState<Role>(current);
  const [extra, setExtra] = useState<string[]>(member.scopes.filter((s) => !(ROLE_SCOPES[current] as string[]).includes(s)));
  const [confirming, setConfirming] = useState(false);
  return (
    <Table.Tr data-testid={`staff-${member.email}`}>
      <Table.Td>{member.email}</Table.Td>
      <Table.Td>
        {editing ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              update.mutate({ userId: member.userId, body: requestFor(role, extra) }, { onSuccess: () => setEditing(false) });
            }}
          >
            <Stack gap="xs">
              <RoleScopesFields idPrefix={`edit-${member.userId}`} role={role} extra={extra} onRole={setRole} onExtra={setExtra} />
              <Group gap="xs">
                <Button type="submit" size="xs" loading={update.isPending} disabled={role === 'CUSTOM' && extra.length === 0}>{t('staff.save')}</Button>
                <Button size="xs" variant="default" onClick={() => setEditing(false)}>{t('booking.cancel')}</Button>
              </Group>
              <ErrorAlert error={update.error} />
            </Stack>
          </form>
        ) : (
          <Stack gap={4}>
            <Text size="sm" fw={500}>{t(`staff.role.${current}`)}</Text>
            <Group gap={4}>
              {member.scopes.map((s) => <Badge autoContrast key={s} variant="outline" color="gray.8">{t(`staff.scope.${s}`)}</Badge>)}
            </Group>
          </Stack>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end">
          {!editing && (
            <Button size="xs" variant="default" aria-label={`${t('staff.change')}: ${member.email}`} onClick={() => setEditing(true)}>{t('staff.change')}</Button>
          )}
          {confirming ? (
            <>
              <Text size="sm">{t('staff.removeConfirm', { email: member.email })}</Text>
              <Button size="xs" color="red.9" loading={remove.isPending} onClick={() => remove.mutate(member.userId)}>{t('staff.remove')}</Button>
              <Button size="xs" variant="default" onClick={() => setConfirming(false)}>{t('booking.cancel')}</Button>
            </>
          ) : (
            <Button size="xs" color="red.9" variant="outline" aria-label={`${t('staff.remove')}: ${member.email}`} onClick={() => setConfirming(true)}>
              {t('staff.remove')}
            </Button>
          )}
        </Group>
        <ErrorAlert error={remove.error} />
      </Table.Td>
    </Table.Tr>
  );
}
