import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client';
import { webhooksKey, type WebhookEvent } from './useWebhooks';

/** PATCH /v1/webhooks/{webhookId}: subscribed events and/or enabled. */
export function useUpdateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: { events?: WebhookEvent[]; enabled?: boolean } }) =>
      call(api.PATCH('/v1/webhooks/{webhookId}', { params: { path: { webhookId: id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
}
