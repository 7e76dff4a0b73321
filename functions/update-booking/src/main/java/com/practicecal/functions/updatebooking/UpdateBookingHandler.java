package com.practicecal.functions.updatebooking;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.booking.BookingService;
import com.practicecal.shared.booking.MoveBookingRequest;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Moves a booking to another time and/or room, atomically. */
public class UpdateBookingHandler extends ApiFunction {
    @Inject
    BookingService bookings;

    public UpdateBookingHandler() {
    }

    public UpdateBookingHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(bookings.move(request.principal(), request.pathParam("bookingId"),
                request.body(MoveBookingRequest.class), request.header("Idempotency-Key"), request.requestId()));
    }
}
