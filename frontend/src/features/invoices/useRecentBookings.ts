import { useQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { api, call } from '../../lib/api/client';

/** The confirmed bookings of the last 23 days and the next 7 (GET /v1/calendar spans at most 31 days), to pick the one to invoice. */
export function useRecentBookings(zone: string) {
  return useQuery({
    queryKey: ['calendar', 'invoiceable'],
    retry: false,
    queryFn: async () => {
      const now = DateTime.now().setZone(zone).startOf('day');
      const from = now.minus({ days: 23 }).toISO({ suppressMilliseconds: true })!;
      const to = now.plus({ days: 8 }).toISO({ suppressMilliseconds: true })!;
      const calendar = await call(api.GET('/v1/calendar', { params: { query: { from, to } } }));
      return calendar.bookings.filter((b) => b.status === 'CONFIRMED').sort((a, b) => b.start.localeCompare(a.start));
    },
  });
}
