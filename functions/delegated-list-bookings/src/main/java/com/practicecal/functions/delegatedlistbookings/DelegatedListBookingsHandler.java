package com.practicecal.functions.delegatedlistbookings;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.booking.BookingQuery;
import com.practicecal.shared.grant.DelegatedBookingService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** A grantee lists a colleague's bookings (minimal client data). */
public class DelegatedListBookingsHandler extends ApiFunction {
    @Inject
    DelegatedBookingService delegated;

    public DelegatedListBookingsHandler() {
    }

    public DelegatedListBookingsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(delegated.list(request.principal(), request.pathParam("accountId"), BookingQuery.from(request)));
    }
}
