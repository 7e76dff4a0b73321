import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call, type BookingSettings } from '../../lib/api/client';
import { bookingSettingsKey } from './useBookingSettings';

/** PUT /v1/settings/booking (replaces all rules); the saved answer becomes the cached settings. */
export function useSaveBookingSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BookingSettings) => call(api.PUT('/v1/settings/booking', { body })),
    onSuccess: (data) => {
      queryClient.setQueryData(bookingSettingsKey, data);
    },
  });
}
