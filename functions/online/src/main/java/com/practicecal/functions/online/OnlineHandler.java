package com.practicecal.functions.online;

import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.api.RoutedFunction;
import com.practicecal.shared.online.BookingSettingsRequest;
import com.practicecal.shared.online.OnlineBookingRequests;
import com.practicecal.shared.online.OnlineBookingService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Online booking: settings and the public slots, bookings and manage links. */
public class OnlineHandler extends RoutedFunction {
    @Inject
    OnlineBookingService online;

    public OnlineHandler() {
    }

    public OnlineHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Map<String, Route> routes() {
        return Map.ofEntries(
                route("GET /v1/settings/booking", this::getBookingSettings),
                route("PUT /v1/settings/booking", this::putBookingSettings),
                route("GET /v1/public/therapists/{therapistId}", this::publicTherapist),
                route("GET /v1/public/therapists/{therapistId}/slots", this::publicSlots),
                route("POST /v1/public/therapists/{therapistId}/bookings", this::publicCreateBooking),
                route("DELETE /v1/public/bookings/{bookingId}", this::publicCancelBooking),
                route("PATCH /v1/public/bookings/{bookingId}", this::publicRescheduleBooking));
    }

    @Override
    protected List<Class<?>> primingTypes() {
        return List.of(BookingSettingsRequest.class,
                OnlineBookingRequests.PublicBookingRequest.class,
                OnlineBookingRequests.RescheduleRequest.class);
    }

    /** The owner's online-booking rules. */
    private ApiResponse getBookingSettings(ApiRequest request) {
        return ApiResponse.ok(online.settings(request.principal()));
    }

    /** Replaces the online-booking rules (owner). */
    private ApiResponse putBookingSettings(ApiRequest request) {
        return ApiResponse.ok(online.saveSettings(request.principal(), request.body(BookingSettingsRequest.class),
                request.requestId()));
    }

    /** The practice and its bookable services (public). */
    private ApiResponse publicTherapist(ApiRequest request) {
        return ApiResponse.ok(online.publicTherapist(request.pathParam("therapistId")));
    }

    /** Free start times for a service (public, advisory). */
    private ApiResponse publicSlots(ApiRequest request) {
        return ApiResponse.ok(online.slots(request.pathParam("therapistId"), OnlineBookingRequests.SlotQuery.parse(
                request.queryValue("from"), request.queryValue("to"), request.queryValue("serviceId"))));
    }

    /** A client books online (public); the booking transaction decides. */
    private ApiResponse publicCreateBooking(ApiRequest request) {
        String origin = request.header("X-Forwarded-Proto").orElse("https") + "://"
                + request.header("Host").orElse("localhost");
        return ApiResponse.created(online.book(request.pathParam("therapistId"),
                request.body(OnlineBookingRequests.PublicBookingRequest.class), request.header("Idempotency-Key"),
                request.requestId(), origin));
    }

    /** A client cancels with the manage token, within the practice's notice. */
    private ApiResponse publicCancelBooking(ApiRequest request) {
        online.cancel(request.pathParam("bookingId"), request.header("X-Manage-Token"), request.requestId());
        return ApiResponse.noContent();
    }

    /** A client reschedules with the manage token, within notice and cap. */
    private ApiResponse publicRescheduleBooking(ApiRequest request) {
        return ApiResponse.ok(online.reschedule(request.pathParam("bookingId"), request.header("X-Manage-Token"),
                request.body(OnlineBookingRequests.RescheduleRequest.class), request.header("Idempotency-Key"),
                request.requestId()));
    }
}
