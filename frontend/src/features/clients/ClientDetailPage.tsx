import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useT } from '../../i18n/i18n';
import { ErrorAlert, PageState } from '../../components/ui/PageState';
import { useMe } from '../../app/useMe';
import { ApiError } from '../../lib/api/client';
import { useClient, useEraseClient, useExportClient, useMergeClient, useUpdateClient, type ClientRecord } from './clientsApi';
import { ClientForm } from './ClientForm';
import { ClientPicker, type PickedClient } from './ClientPicker';
import { ClientBookings } from './ClientBookings';
import { displayName, exportFileName, formOf, updateBody } from './clientForm';

/** One client record: the data, edit, the client's appointments; owner: GDPR export and erasure; merge an online record. */
export function ClientDetailPage() {
  const { clientId = '' } = useParams();
  const { t } = useT();
  const client = useClient(clientId);
  if (client.isPending) return <PageState loading />;
  if (client.error) {
    return (
      <Stack>
        <Anchor component={Link} to="/clients">{t('clients.back')}</Anchor>
        <PageState error={client.error} />
      </Stack>
    );
  }
  return <ClientDetail record={client.data} />;
}

function ClientDetail({ record }: { record: ClientRecord }) {
  const { t, locale } = useT();
  const me = useMe();
  const owner = me.data?.role === 'OWNER';
  const [editing, setEditing] = useState(false);
  const update = useUpdateClient(record.id);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const field = (label: string, value?: string) => (
    <div>
      <Text size="sm" c="gray.7">{label}</Text>
      <Text>{value || '–'}</Text>
    </div>
  );
  return (
    <Stack>
      <Anchor component={Link} to="/clients">{t('clients.back')}</Anchor>
      <Group justify="space-between" align="center">
        <Group gap="xs">
          <Title order={2}>{displayName(record)}</Title>
          {record.source === 'online' && <Badge variant="outline" color="gray.8">{t('clients.sourceOnline')}</Badge>}
        </Group>
        <Group gap="xs">
          <Button variant="default" onClick={() => { update.reset(); setEditing(true); }}>{t('clients.edit')}</Button>
          {owner && <ExportButton record={record} />}
          {owner && <EraseButton record={record} />}
        </Group>
      </Group>
      <Card withBorder data-testid="client-record">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {field(t('clients.firstName'), record.firstName)}
          {field(t('clients.lastName'), record.lastName)}
          {field(t('clients.email'), record.email)}
          {field(t('clients.phone'), record.phone)}
          {field(t('clients.birthDate'), record.birthDate ? dateFormat.format(new Date(`${record.birthDate}T00:00:00Z`)) : undefined)}
        </SimpleGrid>
        <Text size="sm" c="gray.7" mt="sm">{t('clients.notes')}</Text>
        <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="client-notes">{record.notes || '–'}</Text>
      </Card>
      {record.source === 'online' && <MergeSection record={record} />}
      <ClientBookings clientId={record.id} />
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('clients.edit')} size="lg" closeButtonProps={{ 'aria-label': t('booking.close') }}>
        <ClientForm
          initial={formOf(record)}
          submitLabel={t('clients.save')}
          busy={update.isPending}
          error={update.error}
          onCancel={() => setEditing(false)}
          onSubmit={(v) => {
            const body = updateBody(formOf(record), v);
            if (!body) setEditing(false);
            else update.mutate(body, { onSuccess: () => setEditing(false) });
          }}
        />
      </Modal>
    </Stack>
  );
}

function ExportButton({ record }: { record: ClientRecord }) {
  const { t } = useT();
  const exportClient = useExportClient(record.id);
  const download = () =>
    exportClient.mutate(undefined, {
      onSuccess: (doc) => {
        const url = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }));
        const a = document.createElement('a');
        a.href = url;
        a.download = exportFileName(record.id, doc.exportedAt);
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      },
    });
  return (
    <>
      <Button variant="default" loading={exportClient.isPending} onClick={download} title={t('clients.exportHint')}>{t('clients.export')}</Button>
      {exportClient.error ? <ErrorAlert error={exportClient.error} /> : null}
    </>
  );
}

function EraseButton({ record }: { record: ClientRecord }) {
  const { t } = useT();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const erase = useEraseClient(record.id);
  const futureBookings = erase.error instanceof ApiError && erase.error.code === 'CLIENT_HAS_FUTURE_BOOKINGS';
  return (
    <>
      <Button color="red.9" variant="outline" onClick={() => { erase.reset(); setOpen(true); }}>{t('clients.erase')}</Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('clients.eraseTitle', { name: displayName(record) })} closeButtonProps={{ 'aria-label': t('booking.close') }}>
        <Stack>
          <Text>{t('clients.eraseBody')}</Text>
          {futureBookings ? (
            <Alert color="red.9" role="alert" data-testid="form-error" title={t('clients.eraseRefused')}>{t('error.CLIENT_HAS_FUTURE_BOOKINGS')}</Alert>
          ) : (
            <ErrorAlert error={erase.error} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>{t('booking.cancel')}</Button>
            <Button color="red.9" loading={erase.isPending}
              onClick={() => erase.mutate(undefined, { onSuccess: () => { setOpen(false); navigate('/clients', { replace: true, state: { erased: true } }); } })}>
              {t('clients.eraseConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function MergeSection({ record }: { record: ClientRecord }) {
  const { t } = useT();
  const navigate = useNavigate();
  const [target, setTarget] = useState<PickedClient | null>(null);
  const merge = useMergeClient(record.id);
  return (
    <Card withBorder data-testid="client-merge">
      <Stack gap="xs">
        <Title order={3} size="h4">{t('clients.mergeTitle')}</Title>
        <Text size="sm">{t('clients.mergeIntro')}</Text>
        {target ? (
          <>
            <Text>{t('clients.mergeConfirm', { source: displayName(record), target: displayName(target) })}</Text>
            <ErrorAlert error={merge.error} />
            <Group>
              <Button variant="default" onClick={() => { merge.reset(); setTarget(null); }}>{t('booking.cancel')}</Button>
              <Button loading={merge.isPending}
                onClick={() => merge.mutate(target.id, { onSuccess: (survivor) => navigate(`/clients/${encodeURIComponent(survivor.id)}`, { replace: true }) })}>
                {t('clients.merge')}
              </Button>
            </Group>
          </>
        ) : (
          <ClientPicker label={t('clients.mergeInto')} excludeId={record.id} onPick={setTarget} />
        )}
      </Stack>
    </Card>
  );
}
