package com.practicecal.functions.bookings;

import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.api.RoutedFunction;
import com.practicecal.shared.booking.BookingQuery;
import com.practicecal.shared.booking.BookingService;
import com.practicecal.shared.booking.CreateBookingRequest;
import com.practicecal.shared.booking.MoveBookingRequest;
import com.practicecal.shared.calendar.CalendarQuery;
import com.practicecal.shared.calendar.CalendarService;
import com.practicecal.shared.logging.Metrics;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Bookings and the calendar. */
public class BookingsHandler extends RoutedFunction {
    @Inject
    BookingService bookings;
    @Inject
    CalendarService calendar;

    public BookingsHandler() {
    }

    public BookingsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Map<String, Route> routes() {
        return Map.ofEntries(
                route("POST /v1/bookings", this::createBooking),
                route("GET /v1/bookings", this::listBookings),
                route("GET /v1/bookings/{bookingId}", this::getBooking),
                route("PATCH /v1/bookings/{bookingId}", this::updateBooking),
                route("DELETE /v1/bookings/{bookingId}", this::cancelBooking),
                route("GET /v1/calendar", this::getCalendar));
    }

    @Override
    protected List<Class<?>> primingTypes() {
        return List.of(CreateBookingRequest.class, MoveBookingRequest.class);
    }

    /** Books a room without ever double-booking it. */
    private ApiResponse createBooking(ApiRequest request) {
        ApiResponse created = ApiResponse.created(bookings.create(request.principal(), request.body(CreateBookingRequest.class),
                request.header("Idempotency-Key"), request.requestId()));
        Metrics.count(Metrics.BOOKINGS_CREATED);
        return created;
    }

    /** Lists the caller's bookings in a time range. */
    private ApiResponse listBookings(ApiRequest request) {
        return ApiResponse.ok(bookings.list(request.principal(), BookingQuery.from(request), request.requestId()));
    }

    /** One booking of the caller. */
    private ApiResponse getBooking(ApiRequest request) {
        return ApiResponse.ok(bookings.get(request.principal(), request.pathParam("bookingId"), request.requestId()));
    }

    /** Moves a booking to another time and/or room, atomically. */
    private ApiResponse updateBooking(ApiRequest request) {
        return ApiResponse.ok(bookings.move(request.principal(), request.pathParam("bookingId"),
                request.body(MoveBookingRequest.class), request.header("Idempotency-Key"), request.requestId()));
    }

    /** Cancels a booking; idempotent. */
    private ApiResponse cancelBooking(ApiRequest request) {
        bookings.cancel(request.principal(), request.pathParam("bookingId"), request.requestId());
        return ApiResponse.noContent();
    }

    /** Own bookings in full plus busy blocks of every bookable room. */
    private ApiResponse getCalendar(ApiRequest request) {
        return ApiResponse.ok(calendar.calendar(request.principal(), CalendarQuery.from(request), request.requestId()));
    }
}
