package com.practicecal.functions.addnote;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.practice.PracticeRequests;
import com.practicecal.shared.practice.PracticeService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Adds a session note to a booking (documentation scope). */
public class AddNoteHandler extends ApiFunction {
    @Inject
    PracticeService practice;

    public AddNoteHandler() {
    }

    public AddNoteHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.created(practice.addNote(request.principal(), request.pathParam("bookingId"),
                request.body(PracticeRequests.NoteRequest.class), request.requestId()));
    }
}
