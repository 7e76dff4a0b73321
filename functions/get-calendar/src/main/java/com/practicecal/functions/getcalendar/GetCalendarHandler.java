package com.practicecal.functions.getcalendar;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.calendar.CalendarQuery;
import com.practicecal.shared.calendar.CalendarService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Own bookings in full plus busy blocks of every bookable room. */
public class GetCalendarHandler extends ApiFunction {
    @Inject
    CalendarService calendar;

    public GetCalendarHandler() {
    }

    public GetCalendarHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(calendar.calendar(request.principal(), CalendarQuery.from(request), request.requestId()));
    }
}
