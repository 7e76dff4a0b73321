import { useState } from 'react';
import { Alert, Button, Group, Radio, Stack, TextInput, Title } from '@mantine/core';
import { DateTime } from 'luxon';
import { useT } from '../../i18n/i18n';
import { ErrorAlert } from '../../components/ui/PageState';
import { useOfferGrant } from './useOfferGrant';
import { expiryInstant, scopesFor } from './grantForm';

/** Offer a colleague (the email of their practice login) to see or also edit your calendar, optionally until a date. */
export function OfferGrantForm({ zone }: { zone: string }) {
  const { t } = useT();
  const offer = useOfferGrant();
  const [email, setEmail] = useState('');
  const [access, setAccess] = useState<'read' | 'write'>('read');
  const [until, setUntil] = useState('');
  const [offered, setOffered] = useState<string | null>(null);
  const today = DateTime.now().setZone(zone).toISODate()!;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setOffered(null);
        const granteeEmail = email.trim();
        const expiresAt = expiryInstant(until, (d) => DateTime.fromISO(d, { zone }).set({ hour: 23, minute: 59, second: 59 }).toISO({ suppressMilliseconds: true })!);
        offer.mutate(
          { granteeEmail, scopes: scopesFor(access), ...(expiresAt ? { expiresAt } : {}) },
          { onSuccess: () => { setOffered(granteeEmail); setEmail(''); setUntil(''); } },
        );
      }}
    >
      <Stack gap="sm">
        <Title order={3} size="h4">{t('grants.offer')}</Title>
        <Group align="flex-end" wrap="wrap">
          <TextInput label={t('grants.email')} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} w={320} />
          <TextInput label={t('grants.expires')} type="date" min={today} value={until} onChange={(e) => setUntil(e.currentTarget.value)} />
        </Group>
        <Radio.Group label={t('grants.access')} value={access} onChange={(v) => setAccess(v as 'read' | 'write')}>
          <Group mt={4}>
            <Radio value="read" label={t('grants.scopeRead')} />
            <Radio value="write" label={t('grants.scopeReadWrite')} />
          </Group>
        </Radio.Group>
        <ErrorAlert error={offer.error} />
        {offered && <Alert color="green.9" role="status">{t('grants.offered', { email: offered })}</Alert>}
        <Button type="submit" loading={offer.isPending} w="fit-content">{t('grants.create')}</Button>
      </Stack>
    </form>
  );
}
