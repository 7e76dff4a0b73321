import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../lib/api/client';

export type Feed = Schemas['Feed'];
export const feedsKey = ['feeds'] as const;

/** GET /v1/feeds (owner), without their URLs. */
export function useFeeds() {
  return useQuery({ queryKey: feedsKey, queryFn: () => call(api.GET('/v1/feeds')) });
}
