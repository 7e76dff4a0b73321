package com.practicecal.functions.publiccreatebooking;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.online.OnlineBookingRequests;
import com.practicecal.shared.online.OnlineBookingService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** A client books online (public); the booking transaction decides. */
public class PublicCreateBookingHandler extends ApiFunction {
    @Inject
    OnlineBookingService online;

    public PublicCreateBookingHandler() {
    }

    public PublicCreateBookingHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.created(online.book(request.pathParam("therapistId"),
                request.body(OnlineBookingRequests.PublicBookingRequest.class), request.header("Idempotency-Key"),
                request.requestId()));
    }
}
