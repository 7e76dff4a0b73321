package com.practicecal.functions.getbookingsettings;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.online.OnlineBookingService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** The owner's online-booking rules. */
public class GetBookingSettingsHandler extends ApiFunction {
    @Inject
    OnlineBookingService online;

    public GetBookingSettingsHandler() {
    }

    public GetBookingSettingsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(online.settings(request.principal()));
    }
}
