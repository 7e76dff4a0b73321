import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client';
import { webhooksKey } from './useWebhooks';

/** DELETE /v1/webhooks/{webhookId}; pending deliveries end as FAILED. */
export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.DELETE('/v1/webhooks/{webhookId}', { params: { path: { webhookId: id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
}
