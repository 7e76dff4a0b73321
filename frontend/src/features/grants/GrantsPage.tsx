import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { useT } from '../../i18n/i18n';
import { PageState } from '../../components/ui/PageState';
import { useMe } from '../../app/useMe';
import { useGrants } from './useGrants';
import { OfferGrantForm } from './OfferGrantForm';
import { GivenGrants } from './GivenGrants';
import { ReceivedGrants } from './ReceivedGrants';

/**
 * Grants: offering colleagues access to the own calendar needs plan L (shown as "ab Tarif L" otherwise); offers
 * received are accepted here on any plan.
 */
export function GrantsPage() {
  const { t } = useT();
  const me = useMe();
  const grants = useGrants();
  if (!me.data) return null;
  const zone = me.data.timeZone;
  return (
    <Stack>
      <Title order={2}>{t('grants.title')}</Title>
      <Text c="gray.7">{t('grants.intro')}</Text>
      {grants.error ? <PageState error={grants.error} /> : grants.isPending ? <PageState loading /> : (
        <>
          <Card withBorder>
            <ReceivedGrants grants={grants.data.received} zone={zone} />
          </Card>
          <Card withBorder>
            {me.data.limits.delegation ? (
              <Stack>
                <OfferGrantForm zone={zone} />
                <GivenGrants grants={grants.data.given} zone={zone} />
              </Stack>
            ) : (
              <Alert color="gray" title={t('plan.locked.title')} data-testid="plan-locked">
                {t('nav.planRequired', { plan: 'L' })}: {t('grants.lockedBody', { current: me.data.plan })}
              </Alert>
            )}
          </Card>
        </>
      )}
    </Stack>
  );
}
