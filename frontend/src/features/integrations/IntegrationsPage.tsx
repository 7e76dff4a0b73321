import { Stack, Title } from '@mantine/core';
import { useT } from '../../i18n/i18n';
import { useMe } from '../../app/useMe';
import { WebhooksSection } from './WebhooksSection';
import { FeedsSection } from './FeedsSection';

/** Webhooks (signing secret shown once, rotate, deliveries) and secret calendar feeds (URL shown once). */
export function IntegrationsPage() {
  const { t } = useT();
  const me = useMe();
  const zone = me.data?.timeZone ?? 'Europe/Berlin';
  return (
    <Stack>
      <Title order={2}>{t('integrations.title')}</Title>
      <WebhooksSection zone={zone} />
      <FeedsSection zone={zone} />
    </Stack>
  );
}
