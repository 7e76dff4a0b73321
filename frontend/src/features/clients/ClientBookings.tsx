import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client';
import { useT } from '../../i18n/i18n';
import { PageState } from '../../components/ui/PageState';
import { useMe } from '../../app/useMe';
import { formatRange } from '../../lib/time/zone';
import { clientsKey } from './clientsApi';

/** The client's appointments (GET /v1/clients/{id}/bookings), upcoming first, then the past ones, newest first. */
export function ClientBookings({ clientId }: { clientId: string }) {
  const { t, locale } = useT();
  const me = useMe();
  const bookings = useQuery({
    queryKey: [...clientsKey, 'bookings', clientId],
    queryFn: () => call(api.GET('/v1/clients/{clientId}/bookings', { params: { path: { clientId } } })),
  });
  const rooms = useQuery({ queryKey: ['rooms'], queryFn: () => call(api.GET('/v1/rooms')), retry: false });
  const zone = me.data?.timeZone ?? 'Europe/Berlin';
  const roomName = (id: string) => rooms.data?.items.find((r) => r.id === id)?.name ?? '';
  const now = Date.now();
  const all = bookings.data?.items ?? [];
  const upcoming = all.filter((b) => Date.parse(b.end) >= now).sort((a, b) => a.start.localeCompare(b.start));
  const past = all.filter((b) => Date.parse(b.end) < now).sort((a, b) => b.start.localeCompare(a.start));
  const rows = (list: typeof all, testId: string) => (
    <Table data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('clients.when')}</Table.Th>
          <Table.Th>{t('booking.room')}</Table.Th>
          <Table.Th>{t('clients.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {list.map((b) => (
          <Table.Tr key={b.id} data-testid="client-booking">
            <Table.Td>{formatRange(b.start, b.end, zone, locale)}</Table.Td>
            <Table.Td>{roomName(b.roomId)}</Table.Td>
            <Table.Td>
              {b.status === 'CANCELLED' ? <Badge variant="outline" color="gray.8">{t('clients.cancelled')}</Badge> : t('clients.confirmed')}
              {b.serviceId ? <Badge ml="xs" variant="outline" color="gray.8">{t('clients.online')}</Badge> : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">{t('clients.bookings')}</Title>
      {bookings.isPending ? <PageState loading /> : bookings.error ? <PageState error={bookings.error} /> : all.length === 0 ? (
        <Text>{t('clients.noBookings')}</Text>
      ) : (
        <>
          <Text fw={500}>{t('clients.upcoming', { n: upcoming.length })}</Text>
          {upcoming.length > 0 && rows(upcoming, 'client-bookings-upcoming')}
          <Text fw={500}>{t('clients.past', { n: past.length })}</Text>
          {past.length > 0 && rows(past, 'client-bookings-past')}
        </>
      )}
    </Stack>
  );
}
