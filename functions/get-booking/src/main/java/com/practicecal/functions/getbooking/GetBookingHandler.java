package com.practicecal.functions.getbooking;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.booking.BookingService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** One booking of the caller. */
public class GetBookingHandler extends ApiFunction {
    @Inject
    BookingService bookings;

    public GetBookingHandler() {
    }

    public GetBookingHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(bookings.get(request.principal(), request.pathParam("bookingId"), request.requestId()));
    }
}
