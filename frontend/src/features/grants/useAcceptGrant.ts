import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client';
import { grantsKey } from './useGrants';

/** POST /v1/grants/{grantId}/accept: the grantee accepts an offer; only then does it give access. */
export function useAcceptGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (grantId: string) => call(api.POST('/v1/grants/{grantId}/accept', { params: { path: { grantId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: grantsKey }),
  });
}
