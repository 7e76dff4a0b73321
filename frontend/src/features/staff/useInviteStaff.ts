import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client';
import { staffKey } from './useStaff';
import type { Role, Scope } from './staffRoles';

/** POST /v1/staff: adds a member; Cognito sends them the invitation with a temporary password. */
export function useInviteStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; role: Role; scopes?: Scope[] }) => call(api.POST('/v1/staff', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKey }),
  });
}
