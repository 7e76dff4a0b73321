import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../lib/api/client';

export type ClientRecord = Schemas['ClientRecord'];
export type ClientInput = Schemas['ClientRecordInput'];
export type ClientUpdate = Schemas['ClientUpdate'];

export const clientsKey = ['clients'] as const;
const PAGE = 20;

/** GET /v1/clients: the directory (last-name order) or the clients whose names start with every query word; paged. */
export function useClientDirectory(query: string, enabled = true) {
  const q = query.trim();
  return useInfiniteQuery({
    queryKey: [...clientsKey, 'directory', q],
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET('/v1/clients', { params: { query: { ...(q ? { query: q } : {}), limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** GET /v1/clients/{id}: one record with its notes (a staff read leaves an audit entry). */
export function useClient(clientId: string) {
  return useQuery({
    queryKey: [...clientsKey, 'record', clientId],
    queryFn: () => call(api.GET('/v1/clients/{clientId}', { params: { path: { clientId } } })),
    retry: false,
  });
}

export function useCreateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ClientInput) => call(api.POST('/v1/clients', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientsKey }),
  });
}

export function useUpdateClient(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ClientUpdate) => call(api.PATCH('/v1/clients/{clientId}', { params: { path: { clientId } }, body })),
    onSuccess: (record) => {
      queryClient.setQueryData([...clientsKey, 'record', clientId], record);
      void queryClient.invalidateQueries({ queryKey: [...clientsKey, 'directory'] });
    },
  });
}

/** DELETE /v1/clients/{id} (owner): GDPR erasure; refused with 409 CLIENT_HAS_FUTURE_BOOKINGS while appointments are ahead. */
export function useEraseClient(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.DELETE('/v1/clients/{clientId}', { params: { path: { clientId } } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: [...clientsKey, 'record', clientId] });
      void queryClient.invalidateQueries({ queryKey: clientsKey });
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
    },
  });
}

/** POST /v1/clients/{id}/merge {intoId}: this record (e.g. from an online booking) goes into an existing one. */
export function useMergeClient(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (intoId: string) => call(api.POST('/v1/clients/{clientId}/merge', { params: { path: { clientId } }, body: { intoId } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: [...clientsKey, 'record', clientId] });
      void queryClient.invalidateQueries({ queryKey: clientsKey });
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
    },
  });
}

/** GET /v1/clients/{id}/export (owner): everything held on the client, as one JSON document (GDPR Art. 15, 20). */
export function useExportClient(clientId: string) {
  return useMutation({
    mutationFn: () => call(api.GET('/v1/clients/{clientId}/export', { params: { path: { clientId } } })),
  });
}
