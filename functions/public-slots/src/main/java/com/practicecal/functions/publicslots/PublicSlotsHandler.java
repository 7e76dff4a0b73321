package com.practicecal.functions.publicslots;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.online.OnlineBookingRequests;
import com.practicecal.shared.online.OnlineBookingService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Free start times for a service (public, advisory). */
public class PublicSlotsHandler extends ApiFunction {
    @Inject
    OnlineBookingService online;

    public PublicSlotsHandler() {
    }

    public PublicSlotsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(online.slots(request.pathParam("therapistId"), OnlineBookingRequests.SlotQuery.from(request)));
    }
}
