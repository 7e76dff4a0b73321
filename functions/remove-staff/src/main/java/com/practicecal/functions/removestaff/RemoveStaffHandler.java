package com.practicecal.functions.removestaff;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.staff.StaffService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** Removes a staff member; access ends with the next request. */
public class RemoveStaffHandler extends ApiFunction {
    @Inject
    StaffService staff;

    public RemoveStaffHandler() {
    }

    public RemoveStaffHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        staff.remove(request.principal(), request.pathParam("userId"), request.requestId());
        return ApiResponse.noContent();
    }
}
