package com.practicecal.functions.publiccancelbooking;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.online.OnlineBookingService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** A client cancels with the manage token, within the practice's notice. */
public class PublicCancelBookingHandler extends ApiFunction {
    @Inject
    OnlineBookingService online;

    public PublicCancelBookingHandler() {
    }

    public PublicCancelBookingHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        online.cancel(request.pathParam("bookingId"), request.header("X-Manage-Token"), request.requestId());
        return ApiResponse.noContent();
    }
}
