import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client';
import { webhooksKey } from './useWebhooks';

/** POST /v1/webhooks/{webhookId}/rotate-secret: a new secret shown once; the old one keeps signing for 24 h. */
export function useRotateWebhookSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.POST('/v1/webhooks/{webhookId}/rotate-secret', { params: { path: { webhookId: id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
}
