import { useQuery } from '@tanstack/react-query';
import { api, call } from '../lib/api/client';
import type { Principal } from '../lib/authorization/navigation';

export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: () => call(api.GET('/v1/me')), staleTime: 60_000 });
}

/** Grants this user holds in other practices (for the delegated calendars); none when the call is refused. */
export function useReceivedGrants() {
  return useQuery({
    queryKey: ['grants'],
    queryFn: () => call(api.GET('/v1/grants')),
    retry: false,
    staleTime: 60_000,
  });
}

export function principalOf(
  me: { role: 'OWNER' | 'STAFF'; plan: Principal['plan']; limits: Principal['limits']; scopes?: string[] },
  received?: { status: string }[],
): Principal {
  return {
    role: me.role,
    plan: me.plan,
    limits: me.limits,
    ...(me.scopes ? { scopes: me.scopes } : {}),
    receivedGrants: received?.filter((g) => g.status === 'ACTIVE').length,
    grantOffers: received?.filter((g) => g.status === 'OFFERED').length,
  };
}
