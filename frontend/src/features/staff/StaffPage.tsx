import { Card, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useT } from '../../i18n/i18n';
import { PageState } from '../../components/ui/PageState';
import { PlanGate } from '../../components/ui/PlanGate';
import { useMe } from '../../app/useMe';
import { useStaff } from './useStaff';
import { InviteStaffForm } from './InviteStaffForm';
import { StaffRow } from './StaffRow';

/** The practice's team (plan XL): invite with a role and scopes, change, remove. */
export function StaffPage() {
  const { t } = useT();
  return (
    <PlanGate section="staff" title={t('staff.title')}>
      <StaffScreen />
    </PlanGate>
  );
}

function StaffScreen() {
  const { t } = useT();
  const me = useMe();
  const staff = useStaff(!!me.data?.limits.staff);
  return (
    <Stack>
      <Title order={2}>{t('staff.title')}</Title>
      <Text c="gray.7">{t('staff.intro')}</Text>
      <Card withBorder><InviteStaffForm /></Card>
      {staff.error ? <PageState error={staff.error} /> : staff.isPending ? <PageState loading /> : staff.data.items.length === 0 ? (
        <Text>{t('staff.none')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('staff.email')}</Table.Th>
              <Table.Th>{t('staff.role')}</Table.Th>
              <Table.Th><VisuallyHidden>{t('grants.actions')}</VisuallyHidden></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {staff.data.items.map((m) => <StaffRow key={m.userId} member={m} />)}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
