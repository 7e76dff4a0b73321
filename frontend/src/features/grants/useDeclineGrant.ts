import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client';
import { grantsKey } from './useGrants';

/** POST /v1/grants/{grantId}/decline: the grantee turns an offer down; the practice sees it declined. */
export function useDeclineGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (grantId: string) => call(api.POST('/v1/grants/{grantId}/decline', { params: { path: { grantId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: grantsKey }),
  });
}
