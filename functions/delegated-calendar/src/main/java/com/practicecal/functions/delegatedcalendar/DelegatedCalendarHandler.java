package com.practicecal.functions.delegatedcalendar;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.calendar.CalendarQuery;
import com.practicecal.shared.grant.DelegatedBookingService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** A grantee's view of a colleague's calendar. */
public class DelegatedCalendarHandler extends ApiFunction {
    @Inject
    DelegatedBookingService delegated;

    public DelegatedCalendarHandler() {
    }

    public DelegatedCalendarHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(delegated.calendar(request.principal(), request.pathParam("accountId"), CalendarQuery.from(request)));
    }
}
