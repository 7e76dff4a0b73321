import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client';
import { grantsKey } from './useGrants';

export type GrantScope = 'appointments:read' | 'appointments:write';

/** POST /v1/grants: offers a colleague (by the email of their practice account) access; it starts as OFFERED. */
export function useOfferGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { granteeEmail: string; scopes: GrantScope[]; expiresAt?: string }) => call(api.POST('/v1/grants', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: grantsKey }),
  });
}
