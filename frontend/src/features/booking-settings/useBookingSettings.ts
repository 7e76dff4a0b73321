import { useQuery } from '@tanstack/react-query';
import { api, call, type BookingSettings } from '../../lib/api/client';
import { ApiError } from '../../lib/api/errors';

export const bookingSettingsKey = ['booking-settings'] as const;

/** GET /v1/settings/booking; a practice that never saved rules (404) starts from empty ones. */
export function useBookingSettings() {
  return useQuery({
    queryKey: bookingSettingsKey,
    queryFn: () =>
      call(api.GET('/v1/settings/booking')).catch((e) => (e instanceof ApiError && e.status === 404 ? ({} as BookingSettings) : Promise.reject(e))),
  });
}
