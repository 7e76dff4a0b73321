import { Alert, Anchor, List, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { PageState } from '../../components/ui/PageState';
import { useMe } from '../../app/useMe';
import { CalendarScreen } from '../calendar/CalendarScreen';
import { delegatedCalendar } from '../calendar/calendarApi';
import { useGrants } from './useGrants';
import { allows, grantorName } from './grantForm';

/**
 * A colleague's calendar under an accepted grant: the API returns the client reduced ("Erika M.") and no contact
 * data; booking and moving only with appointments:write.
 */
export function DelegatedPage() {
  const { t } = useT();
  const { accountId } = useParams();
  const me = useMe();
  const grants = useGrants();
  const source = useMemo(() => (accountId ? delegatedCalendar(accountId) : null), [accountId]);
  if (!me.data || grants.isPending) return grants.error ? <PageState error={grants.error} /> : <PageState loading />;
  const active = (grants.data?.received ?? []).filter((g) => allows(g, 'appointments:read'));
  if (!accountId || !source) {
    return (
      <Stack>
        <Title order={2}>{t('nav.delegated')}</Title>
        {active.length === 0 ? <Text>{t('delegated.none')}</Text> : (
          <List>
            {active.map((g) => (
              <List.Item key={g.id}>
                <Anchor component={Link} to={`/delegated/${encodeURIComponent(g.accountId)}`}>{t('grants.receivedFrom', { account: grantorName(g) })}</Anchor>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    );
  }
  const grant = active.find((g) => g.accountId === accountId);
  if (!grant) return <Alert color="red.9" role="alert">{t('delegated.noGrant')}</Alert>;
  return (
    <Stack>
      <Text size="sm" c="gray.7" data-testid="delegated-hint">{t('delegated.hint')}</Text>
      {grant.timeZone && grant.timeZone !== me.data.timeZone && (
        <Text size="sm" c="gray.7" data-testid="delegated-zone">{t('delegated.zone', { zone: grant.timeZone })}</Text>
      )}
      {/* the colleague's calendar in the colleague's time zone (it governs their days and weeks) */}
      <CalendarScreen source={source} zone={grant.timeZone ?? me.data.timeZone} title={t('delegated.title', { name: grantorName(grant) })}
        canWrite={allows(grant, 'appointments:write')} withClientContact={false} />
    </Stack>
  );
}
