package com.practicecal.functions.publicreschedulebooking;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.online.OnlineBookingRequests;
import com.practicecal.shared.online.OnlineBookingService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** A client reschedules with the manage token, within notice and cap. */
public class PublicRescheduleBookingHandler extends ApiFunction {
    @Inject
    OnlineBookingService online;

    public PublicRescheduleBookingHandler() {
    }

    public PublicRescheduleBookingHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(online.reschedule(request.pathParam("bookingId"), request.header("X-Manage-Token"),
                request.body(OnlineBookingRequests.RescheduleRequest.class), request.header("Idempotency-Key"),
                request.requestId()));
    }
}
