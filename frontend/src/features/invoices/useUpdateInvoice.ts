import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client';
import { invoicesKey } from './useInvoices';

/** PATCH /v1/invoices/{invoiceId}: mark paid or open. */
export function useUpdateInvoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: 'OPEN' | 'PAID' }) =>
      call(api.PATCH('/v1/invoices/{invoiceId}', { params: { path: { invoiceId: id } }, body: { status } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invoicesKey }),
  });
}
