import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client';
import { staffKey } from './useStaff';

/** DELETE /v1/staff/{userId}: access ends with the member's next request. */
export function useRemoveStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => call(api.DELETE('/v1/staff/{userId}', { params: { path: { userId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKey }),
  });
}
