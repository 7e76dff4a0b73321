import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../lib/api/client';

export type Webhook = Schemas['Webhook'];
export type WebhookEvent = Schemas['WebhookEventType'];
export const webhooksKey = ['webhooks'] as const;

/** GET /v1/webhooks (owner); never carries the secrets. */
export function useWebhooks() {
  return useQuery({ queryKey: webhooksKey, queryFn: () => call(api.GET('/v1/webhooks')) });
}
