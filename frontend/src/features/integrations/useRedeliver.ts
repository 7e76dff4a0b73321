import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client';
import { webhooksKey } from './useWebhooks';

/** POST .../deliveries/{deliveryId}/redeliver: a fresh retry series for a delivery. */
export function useRedeliver(webhookId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      call(api.POST('/v1/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver', { params: { path: { webhookId, deliveryId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...webhooksKey, webhookId, 'deliveries'] }),
  });
}
