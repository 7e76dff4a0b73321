package com.practicecal.functions.invitestaff;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.staff.StaffRequests;
import com.practicecal.shared.staff.StaffService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;

/** The owner adds a staff member (plan XL). */
public class InviteStaffHandler extends ApiFunction {
    @Inject
    StaffService staff;

    public InviteStaffHandler() {
    }

    public InviteStaffHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.created(staff.invite(request.principal(), request.body(StaffRequests.Invite.class), request.requestId()));
    }
}
