import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../lib/api/client';
import { feedsKey } from './useFeeds';

/** DELETE /v1/feeds/{feedId}: its URL answers 404 from now on. */
export function useDeleteFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.DELETE('/v1/feeds/{feedId}', { params: { path: { feedId: id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedsKey }),
  });
}
