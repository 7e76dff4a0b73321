import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../lib/api/client';

export type StaffMember = Schemas['Staff'];
export const staffKey = ['staff'] as const;

/** GET /v1/staff (owner, plan XL). */
export function useStaff(enabled: boolean) {
  return useQuery({ queryKey: staffKey, queryFn: () => call(api.GET('/v1/staff')), enabled });
}
