import { Alert, Badge, Button, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useT } from '../../i18n/i18n';
import { PageState } from '../../components/ui/PageState';
import { useMe } from '../../app/useMe';
import { ApiError } from '../../lib/api/errors';
import { useInvoices, type Invoice } from './useInvoices';
import { useUpdateInvoice } from './useUpdateInvoice';
import { CreateInvoiceForm } from './CreateInvoiceForm';
import { formatMoney } from './money';

/**
 * Invoices (owner, staff with the invoicing scope). For anyone else the API refuses (403) and the page says so,
 * without showing anything of the invoices — also when opened by its URL.
 */
export function InvoicesPage() {
  const { t, locale } = useT();
  const me = useMe();
  const invoices = useInvoices();
  const update = useUpdateInvoice();
  const zone = me.data?.timeZone ?? 'Europe/Berlin';
  if (invoices.error instanceof ApiError && invoices.error.status === 403) {
    return (
      <Stack>
        <Title order={2}>{t('invoices.title')}</Title>
        <Alert color="gray" title={t('invoices.noAccessTitle')} data-testid="no-access">{t('invoices.noAccess')}</Alert>
      </Stack>
    );
  }
  const date = (d: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(`${d}T12:00:00Z`));
  return (
    <Stack>
      <Title order={2}>{t('invoices.title')}</Title>
      {invoices.error ? <PageState error={invoices.error} /> : invoices.isPending ? <PageState loading /> : (
        <>
          <Card withBorder><CreateInvoiceForm zone={zone} invoiced={new Set(invoices.data.items.map((i) => i.bookingId))} /></Card>
          {invoices.data.items.length === 0 ? <Text>{t('invoices.none')}</Text> : (
            <Table data-testid="invoices-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('invoices.date')}</Table.Th>
                  <Table.Th>{t('invoices.recipient')}</Table.Th>
                  <Table.Th>{t('invoices.amount')}</Table.Th>
                  <Table.Th>{t('invoices.status')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {invoices.data.items.map((i: Invoice) => (
                  <Table.Tr key={i.id} data-testid="invoice">
                    <Table.Td>{date(i.appointmentDate)}</Table.Td>
                    <Table.Td>{i.recipientName}</Table.Td>
                    <Table.Td>{formatMoney(i.amountCents, i.currency, locale)}</Table.Td>
                    <Table.Td><Badge autoContrast color={i.status === 'PAID' ? 'teal.9' : 'yellow.3'}>{t(`invoices.status.${i.status}`)}</Badge></Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="default" loading={update.isPending && update.variables?.id === i.id}
                        onClick={() => update.mutate({ id: i.id, status: i.status === 'PAID' ? 'OPEN' : 'PAID' })}>
                        {i.status === 'PAID' ? t('invoices.markOpen') : t('invoices.markPaid')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {update.error != null && <PageState error={update.error} />}
        </>
      )}
    </Stack>
  );
}
