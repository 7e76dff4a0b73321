import { Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/i18n';
import { ErrorAlert } from '../../components/ui/PageState';
import { formatDateTime } from '../../lib/time/zone';
import type { Grant } from './useGrants';
import { useAcceptGrant } from './useAcceptGrant';
import { useDeclineGrant } from './useDeclineGrant';
import { grantorName } from './grantForm';
import { GrantStatus } from './GrantStatus';

/** Offers made to me (accept or decline) and the colleagues' calendars I can open; times in the colleague's zone. */
export function ReceivedGrants({ grants, zone }: { grants: Grant[]; zone: string }) {
  const { t, locale } = useT();
  const accept = useAcceptGrant();
  const decline = useDeclineGrant();
  const shown = grants.filter((g) => g.status === 'OFFERED' || g.status === 'ACTIVE');
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">{t('grants.received')}</Title>
      {shown.length === 0 ? (
        <Text>{t('grants.noneReceived')}</Text>
      ) : (
        <List listStyleType="none" spacing="xs">
          {shown.map((g) => (
            <List.Item key={g.id} data-testid="received-grant">
              <Group gap="xs" wrap="wrap">
                <GrantStatus status={g.status} />
                <Text>
                  {t('grants.receivedFrom', { account: grantorName(g) })} ·{' '}
                  {g.scopes.includes('appointments:write') ? t('grants.scopeReadWrite') : t('grants.scopeRead')}
                  {g.expiresAt ? ` · ${t('grants.until')} ${formatDateTime(g.expiresAt, g.timeZone ?? zone, locale)}` : ''}
                </Text>
                {g.status === 'OFFERED' ? (
                  <>
                    <Button size="xs" loading={accept.isPending && accept.variables === g.id} onClick={() => accept.mutate(g.id)}
                      aria-label={`${t('grants.accept')}: ${grantorName(g)}`}>
                      {t('grants.accept')}
                    </Button>
                    <Button size="xs" variant="default" loading={decline.isPending && decline.variables === g.id} onClick={() => decline.mutate(g.id)}
                      aria-label={`${t('grants.decline')}: ${grantorName(g)}`}>
                      {t('grants.decline')}
                    </Button>
                  </>
                ) : (
                  <Anchor component={Link} to={`/delegated/${encodeURIComponent(g.accountId)}`}>{t('grants.open')}</Anchor>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <ErrorAlert error={accept.error ?? decline.error} />
    </Stack>
  );
}
