import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client';
import { webhooksKey } from './useWebhooks';

/** GET /v1/webhooks/{webhookId}/deliveries (newest first, at most 100, 30 days), loaded when the list is opened. */
export function useWebhookDeliveries(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...webhooksKey, id, 'deliveries'],
    enabled,
    queryFn: () => call(api.GET('/v1/webhooks/{webhookId}/deliveries', { params: { path: { webhookId: id } } })),
  });
}
