package com.practicecal.shared.api;

import com.practicecal.shared.booking.BookingQuery;
import com.practicecal.shared.calendar.CalendarQuery;

/**
 * Query parameters that routes of several functions read the same way (the own and the delegated calendar and
 * booking lists), through {@link ApiRequest#queryValue} (a parameter given without a value is 422 naming it).
 */
public final class QueryParameters {
    private QueryParameters() {
    }

    /** {@code ?from=&to=&limit=&cursor=} */
    public static BookingQuery bookings(ApiRequest request) {
        return BookingQuery.parse(request.queryValue("from"), request.queryValue("to"), request.queryValue("limit"),
                request.queryValue("cursor"));
    }

    /** {@code ?from=&to=} */
    public static CalendarQuery calendar(ApiRequest request) {
        return CalendarQuery.parse(request.queryValue("from"), request.queryValue("to"));
    }
}
