package com.practicecal.functions.updatestaff;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.staff.StaffRequests;
import com.practicecal.shared.staff.StaffService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Changes a staff member's role or scopes. */
public class UpdateStaffHandler extends ApiFunction {
    @Inject
    StaffService staff;

    public UpdateStaffHandler() {
    }

    public UpdateStaffHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(staff.change(request.principal(), request.pathParam("userId"), request.body(StaffRequests.Change.class),
                request.requestId()));
    }
}
