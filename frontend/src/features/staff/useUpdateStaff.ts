import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client';
import { staffKey } from './useStaff';
import type { Role, Scope } from './staffRoles';

/** PATCH /v1/staff/{userId}: a new role and/or scopes, effective with the member's next request. */
export function useUpdateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: { role: Role; scopes?: Scope[] } }) =>
      call(api.PATCH('/v1/staff/{userId}', { params: { path: { userId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKey }),
  });
}
