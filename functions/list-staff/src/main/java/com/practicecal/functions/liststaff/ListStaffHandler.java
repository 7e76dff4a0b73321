package com.practicecal.functions.liststaff;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.staff.StaffService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** The practice's staff and their scopes. */
public class ListStaffHandler extends ApiFunction {
    @Inject
    StaffService staff;

    public ListStaffHandler() {
    }

    public ListStaffHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(staff.list(request.principal()));
    }
}
