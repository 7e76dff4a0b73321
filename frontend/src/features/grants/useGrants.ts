import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../lib/api/client';

export type Grant = Schemas['Grant'];
/** The same key as the shell's received-grants query, so accepting one updates the navigation at once. */
export const grantsKey = ['grants'] as const;

/** GET /v1/grants: grants given (offers and active ones) and received. */
export function useGrants() {
  return useQuery({ queryKey: grantsKey, queryFn: () => call(api.GET('/v1/grants')), retry: false, staleTime: 60_000 });
}
