package com.practicecal.functions.staff;

import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.api.RoutedFunction;
import com.practicecal.shared.staff.StaffRequests;
import com.practicecal.shared.staff.StaffService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Staff of a practice (Cognito admin). */
public class StaffHandler extends RoutedFunction {
    @Inject
    StaffService staff;

    public StaffHandler() {
    }

    public StaffHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Map<String, Route> routes() {
        return Map.ofEntries(
                route("POST /v1/staff", this::inviteStaff),
                route("GET /v1/staff", this::listStaff),
                route("PATCH /v1/staff/{userId}", this::updateStaff),
                route("DELETE /v1/staff/{userId}", this::removeStaff));
    }

    @Override
    protected List<Class<?>> primingTypes() {
        return List.of(StaffRequests.Invite.class, StaffRequests.Change.class);
    }

    /** The owner adds a staff member (plan XL). */
    private ApiResponse inviteStaff(ApiRequest request) {
        return ApiResponse.created(staff.invite(request.principal(), request.body(StaffRequests.Invite.class), request.requestId()));
    }

    /** The practice's staff and their scopes. */
    private ApiResponse listStaff(ApiRequest request) {
        return ApiResponse.ok(staff.list(request.principal()));
    }

    /** Changes a staff member's role or scopes. */
    private ApiResponse updateStaff(ApiRequest request) {
        return ApiResponse.ok(staff.change(request.principal(), request.pathParam("userId"), request.body(StaffRequests.Change.class),
                request.requestId()));
    }

    /** Removes a staff member; access ends with the next request. */
    private ApiResponse removeStaff(ApiRequest request) {
        staff.remove(request.principal(), request.pathParam("userId"), request.requestId());
        return ApiResponse.noContent();
    }
}
