import { useState } from 'react';
import { Button, Group, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useT } from '../../i18n/i18n';
import { ErrorAlert } from '../../components/ui/PageState';
import { formatDateTime } from '../../lib/time/zone';
import type { Grant } from './useGrants';
import { useRevokeGrant } from './useRevokeGrant';
import { GrantStatus } from './GrantStatus';

/** Offers and grants this practice gave, with revoke (confirmed in place). */
export function GivenGrants({ grants, zone }: { grants: Grant[]; zone: string }) {
  const { t, locale } = useT();
  // declined offers stay listed (so the practice knows), without a revoke
  const open = grants.filter((g) => g.status === 'OFFERED' || g.status === 'ACTIVE' || g.status === 'DECLINED');
  return (
    <>
      <Title order={3} size="h4">{t('grants.given')}</Title>
      {open.length === 0 ? (
        <Text>{t('grants.none')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('grants.email')}</Table.Th>
              <Table.Th>{t('grants.access')}</Table.Th>
              <Table.Th>{t('grants.statusLabel')}</Table.Th>
              <Table.Th>{t('grants.until')}</Table.Th>
              <Table.Th><VisuallyHidden>{t('grants.actions')}</VisuallyHidden></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {open.map((g) => (
              <GivenRow key={g.id} grant={g} until={g.expiresAt ? formatDateTime(g.expiresAt, zone, locale) : t('grants.openEnded')} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

function GivenRow({ grant, until }: { grant: Grant; until: string }) {
  const { t } = useT();
  const revoke = useRevokeGrant();
  const [confirming, setConfirming] = useState(false);
  const revocable = grant.status !== 'DECLINED';
  return (
    <>
      <Table.Tr data-testid={`grant-${grant.granteeEmail}`}>
        <Table.Td>{grant.granteeEmail}</Table.Td>
        <Table.Td>{grant.scopes.includes('appointments:write') ? t('grants.scopeReadWrite') : t('grants.scopeRead')}</Table.Td>
        <Table.Td><GrantStatus status={grant.status} /></Table.Td>
        <Table.Td>{until}</Table.Td>
        <Table.Td>
          <Group gap="xs" justify="flex-end">
            {!revocable ? null : confirming ? (
              <>
                <Text size="sm">{t('grants.revokeConfirm', { email: grant.granteeEmail })}</Text>
                <Button size="xs" color="red.9" loading={revoke.isPending} onClick={() => revoke.mutate(grant.id)}>{t('grants.revoke')}</Button>
                <Button size="xs" variant="default" onClick={() => setConfirming(false)}>{t('booking.cancel')}</Button>
              </>
            ) : (
              <Button size="xs" color="red.9" variant="outline" aria-label={`${t('grants.revoke')}: ${grant.granteeEmail}`} onClick={() => setConfirming(true)}>
                {t('grants.revoke')}
              </Button>
            )}
          </Group>
        </Table.Td>
      </Table.Tr>
      {revoke.error != null && (
        <Table.Tr>
          <Table.Td colSpan={5}><ErrorAlert error={revoke.error} /></Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
