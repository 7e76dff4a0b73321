package com.practicecal.functions.listbookings;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.booking.BookingQuery;
import com.practicecal.shared.booking.BookingService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Lists the caller's bookings in a time range. */
public class ListBookingsHandler extends ApiFunction {
    @Inject
    BookingService bookings;

    public ListBookingsHandler() {
    }

    public ListBookingsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(bookings.list(request.principal(), BookingQuery.from(request), request.requestId()));
    }
}
