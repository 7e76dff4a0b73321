import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client';
import { grantsKey } from './useGrants';

/** DELETE /v1/grants/{grantId}: revokes an offer or an active grant at once (the grantee's next request is refused). */
export function useRevokeGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (grantId: string) => call(api.DELETE('/v1/grants/{grantId}', { params: { path: { grantId } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: grantsKey });
      void queryClient.invalidateQueries({ queryKey: ['delegated'] });
    },
  });
}
