import { useState } from 'react';
import { Button, Group, NativeSelect, Stack, TextInput, Title } from '@mantine/core';
import { useT } from '../../i18n/i18n';
import { ErrorAlert } from '../../components/ui/PageState';
import { formatRange } from '../../lib/time/zone';
import { useCreateInvoice } from './useCreateInvoice';
import { useRecentBookings } from './useRecentBookings';
import { parseCents } from './money';

/** Invoice a booking: picked from the recent calendar, or by its id for staff who cannot read the calendar. */
export function CreateInvoiceForm({ zone, invoiced }: { zone: string; invoiced: ReadonlySet<string> }) {
  const { t, locale } = useT();
  const bookings = useRecentBookings(zone);
  const create = useCreateInvoice();
  const [bookingId, setBookingId] = useState('');
  const [amount, setAmount] = useState('');
  const cents = parseCents(amount);
  const options = (bookings.data ?? []).filter((b) => !invoiced.has(b.id));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!bookingId || cents === null) return;
        create.mutate({ bookingId, amountCents: cents, currency: 'EUR' }, { onSuccess: () => { setBookingId(''); setAmount(''); } });
      }}
    >
      <Stack gap="sm">
        <Title order={3} size="h4">{t('invoices.create')}</Title>
        <Group align="flex-start" wrap="wrap">
          {bookings.data ? (
            <NativeSelect label={t('invoices.booking')} required value={bookingId} onChange={(e) => setBookingId(e.currentTarget.value)} w={380}
              data={[{ value: '', label: t('invoices.chooseBooking') },
                ...options.map((b) => ({ value: b.id, label: `${formatRange(b.start, b.end, zone, locale)} · ${b.client.name ?? '–'}` }))]} />
          ) : (
            <TextInput label={t('invoices.bookingId')} required value={bookingId} onChange={(e) => setBookingId(e.currentTarget.value.trim())} w={320} />
          )}
          <TextInput label={t('invoices.amountEur')} required inputMode="decimal" value={amount} onChange={(e) => setAmount(e.currentTarget.value)}
            error={amount && cents === null ? t('invoices.badAmount') : undefined} w={160} />
        </Group>
        <ErrorAlert error={create.error} />
        <Button type="submit" loading={create.isPending} disabled={!bookingId || cents === null} w="fit-content">{t('invoices.createSubmit')}</Button>
      </Stack>
    </form>
  );
}
