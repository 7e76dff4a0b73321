package com.practicecal.functions.listnotes;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.practice.PracticeService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** A booking's session notes (documentation scope); non-owner reads are audited. */
public class ListNotesHandler extends ApiFunction {
    @Inject
    PracticeService practice;

    public ListNotesHandler() {
    }

    public ListNotesHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(practice.notes(request.principal(), request.pathParam("bookingId"), request.requestId()));
    }
}
