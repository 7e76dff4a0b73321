package com.practicecal.functions.delegatedcreatebooking;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.booking.CreateBookingRequest;
import com.practicecal.shared.grant.DelegatedBookingService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** A grantee books into a colleague's calendar. */
public class DelegatedCreateBookingHandler extends ApiFunction {
    @Inject
    DelegatedBookingService delegated;

    public DelegatedCreateBookingHandler() {
    }

    public DelegatedCreateBookingHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.created(delegated.create(request.principal(), request.pathParam("accountId"),
                request.body(CreateBookingRequest.class), request.header("Idempotency-Key"), request.requestId()));
    }
}
