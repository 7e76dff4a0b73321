package com.practicecal.functions.putbookingsettings;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.online.BookingSettingsRequest;
import com.practicecal.shared.online.OnlineBookingService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Replaces the online-booking rules (owner). */
public class PutBookingSettingsHandler extends ApiFunction {
    @Inject
    OnlineBookingService online;

    public PutBookingSettingsHandler() {
    }

    public PutBookingSettingsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(online.saveSettings(request.principal(), request.body(BookingSettingsRequest.class),
                request.requestId()));
    }
}
