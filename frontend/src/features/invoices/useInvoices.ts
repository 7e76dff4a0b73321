import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../lib/api/client';

export type Invoice = Schemas['Invoice'];
export const invoicesKey = ['invoices'] as const;

/** GET /v1/invoices (owner, staff with invoicing), newest first. A refusal (403 MISSING_SCOPE) is not retried. */
export function useInvoices() {
  return useQuery({ queryKey: invoicesKey, queryFn: () => call(api.GET('/v1/invoices')), retry: false });
}
