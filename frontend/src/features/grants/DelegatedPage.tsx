import { useMemo } from 'react';
import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { useMe, useReceivedGrants } from '../../app/useMe';
import { useT } from '../../i18n/i18n';
import { CalendarScreen } from '../calendar/CalendarScreen';
import { delegatedCalendar } from '../calendar/calendarApi';
import { PageState } from '../../components/ui/PageState';

/** A colleague's calendar under a grant: the API returns first name and last initial only, and that is all shown. */
export function DelegatedPage() {
  const { t } = useT();
  const { accountId } = useParams();
  const me = useMe();
  const grants = useReceivedGrants();
  const source = useMemo(() => (accountId ? delegatedCalendar(accountId) : null), [accountId]);
  const active = grants.data?.received.filter((g) => g.status === 'ACTIVE') ?? [];
  if (!me.data || grants.isPending) return <PageState loading />;
  if (!accountId || !source) {
    return (
      <Stack>
        <Title order={2}>{t('nav.delegated')}</Title>
        {active.length === 0 ? <Text>{t('grants.none')}</Text> : (
          <List>
            {active.map((g) => (
              <List.Item key={g.accountId}><Anchor component={Link} to={`/delegated/${g.accountId}`}>{g.accountId}</Anchor></List.Item>
            ))}
          </List>
        )}
      </Stack>
    );
  }
  const grant = active.find((g) => g.accountId === accountId);
  return (
    <CalendarScreen
      source={source}
      // the API tells no colleague's time zone; the own practice's zone is the best guess for a colleague nearby
      zone={me.data.timeZone}
      title={t('delegated.title', { name: accountId })}
      canWrite={grant?.scopes.includes('appointments:write') ?? false}
      withClientContact={false}
    />
  );
}
