import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client';
import { auditKey } from './useAuditEntries';
import type { AuditQuery } from './auditFilter';

/** GET /v1/audit/verify for the same range: the hash chain recomputed, the first broken entry named. */
export function useAuditVerification(query: AuditQuery | null) {
  const range = query ? { from: query.from, to: query.to } : null;
  return useQuery({
    queryKey: [...auditKey, 'verify', range],
    enabled: range !== null,
    queryFn: () => call(api.GET('/v1/audit/verify', { params: { query: range! } })),
  });
}
