package com.practicecal.functions.delegatedgetbooking;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.grant.DelegatedBookingService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** A grantee reads one booking of a colleague (minimal client data). */
public class DelegatedGetBookingHandler extends ApiFunction {
    @Inject
    DelegatedBookingService delegated;

    public DelegatedGetBookingHandler() {
    }

    public DelegatedGetBookingHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(delegated.get(request.principal(), request.pathParam("accountId"), request.pathParam("bookingId")));
    }
}
