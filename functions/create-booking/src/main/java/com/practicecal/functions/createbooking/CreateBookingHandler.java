package com.practicecal.functions.createbooking;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.booking.BookingService;
import com.practicecal.shared.booking.CreateBookingRequest;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Books a room without ever double-booking it. */
public class CreateBookingHandler extends ApiFunction {
    @Inject
    BookingService bookings;

    public CreateBookingHandler() {
    }

    public CreateBookingHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.created(bookings.create(request.principal(), request.body(CreateBookingRequest.class),
                request.header("Idempotency-Key"), request.requestId()));
    }
}
