package com.practicecal.functions.delegatedupdatebooking;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.booking.MoveBookingRequest;
import com.practicecal.shared.grant.DelegatedBookingService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** A grantee moves a booking in a colleague's calendar. */
public class DelegatedUpdateBookingHandler extends ApiFunction {
    @Inject
    DelegatedBookingService delegated;

    public DelegatedUpdateBookingHandler() {
    }

    public DelegatedUpdateBookingHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(delegated.move(request.principal(), request.pathParam("accountId"), request.pathParam("bookingId"),
                request.body(MoveBookingRequest.class), request.header("Idempotency-Key"), request.requestId()));
    }
}
