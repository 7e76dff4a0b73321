import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client';
import { invoicesKey } from './useInvoices';

/** POST /v1/invoices: invoices a booking; the recipient defaults to the booking's client. */
export function useCreateInvoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { bookingId: string; amountCents: number; currency?: string }) => call(api.POST('/v1/invoices', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invoicesKey }),
  });
}
