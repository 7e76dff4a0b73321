package com.practicecal.functions.cancelbooking;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.booking.BookingService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Cancels a booking; idempotent. */
public class CancelBookingHandler extends ApiFunction {
    @Inject
    BookingService bookings;

    public CancelBookingHandler() {
    }

    public CancelBookingHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        bookings.cancel(request.principal(), request.pathParam("bookingId"), request.requestId());
        return ApiResponse.noContent();
    }
}
