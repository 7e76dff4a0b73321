import { Table, Text, Title, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client';
import { useT } from '../../i18n/i18n';
import { PageState } from '../../components/ui/PageState';

export function InvoicesPage() {
  const { t, locale } = useT();
  const invoices = useQuery({ queryKey: ['invoices'], queryFn: () => call(api.GET('/v1/invoices')) });
  return (
    <Stack>
      <Title order={2}>{t('invoices.title')}</Title>
      {invoices.isPending ? <PageState loading /> : invoices.error ? <PageState error={invoices.error} /> : invoices.data.items.length === 0 ? <Text>{t('invoices.none')}</Text> : (
        <Table>
          <Table.Thead>
            <Table.Tr><Table.Th>{t('invoices.date')}</Table.Th><Table.Th>{t('invoices.recipient')}</Table.Th><Table.Th>{t('invoices.amount')}</Table.Th><Table.Th>{t('invoices.status')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invoices.data.items.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(i.appointmentDate))}</Table.Td>
                <Table.Td>{i.recipientName}</Table.Td>
                <Table.Td>{new Intl.NumberFormat(locale, { style: 'currency', currency: i.currency }).format(i.amountCents / 100)}</Table.Td>
                <Table.Td>{i.status}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
