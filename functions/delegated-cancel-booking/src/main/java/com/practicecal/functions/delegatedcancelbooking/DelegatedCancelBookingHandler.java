package com.practicecal.functions.delegatedcancelbooking;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.grant.DelegatedBookingService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** A grantee cancels a booking in a colleague's calendar. */
public class DelegatedCancelBookingHandler extends ApiFunction {
    @Inject
    DelegatedBookingService delegated;

    public DelegatedCancelBookingHandler() {
    }

    public DelegatedCancelBookingHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        delegated.cancel(request.principal(), request.pathParam("accountId"), request.pathParam("bookingId"), request.requestId());
        return ApiResponse.noContent();
    }
}
