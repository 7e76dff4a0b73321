import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client';
import { feedsKey } from './useFeeds';

/** POST /v1/feeds: the answer carries the feed's secret URL, the only time it is shown. */
export function useCreateFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (includeBusy: boolean) => call(api.POST('/v1/feeds', { body: { includeBusy } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedsKey }),
  });
}
