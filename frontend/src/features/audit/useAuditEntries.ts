import { useInfiniteQuery } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client';
import type { AuditQuery } from './auditFilter';

export const auditKey = ['audit'] as const;

/** GET /v1/audit, newest first, page by page (nextCursor). */
export function useAuditEntries(query: AuditQuery | null) {
  return useInfiniteQuery({
    queryKey: [...auditKey, 'entries', query],
    enabled: query !== null,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET('/v1/audit', { params: { query: { ...query!, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor,
  });
}
