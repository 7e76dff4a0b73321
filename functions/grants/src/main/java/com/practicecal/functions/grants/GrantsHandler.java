package com.practicecal.functions.grants;

import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.api.QueryParameters;
import com.practicecal.shared.api.RoutedFunction;
import com.practicecal.shared.booking.CreateBookingRequest;
import com.practicecal.shared.booking.MoveBookingRequest;
import com.practicecal.shared.delegation.DelegatedBookingService;
import com.practicecal.shared.grant.GrantRequest;
import com.practicecal.shared.delegation.GrantService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Grants and the delegated calendar and bookings. */
public class GrantsHandler extends RoutedFunction {
    @Inject
    GrantService grants;
    @Inject
    DelegatedBookingService delegated;

    public GrantsHandler() {
    }

    public GrantsHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Map<String, Route> routes() {
        return Map.ofEntries(
                route("POST /v1/grants", this::createGrant),
                route("GET /v1/grants", this::listGrants),
                route("DELETE /v1/grants/{grantId}", this::revokeGrant),
                route("POST /v1/grants/{grantId}/accept", this::acceptGrant),
                route("POST /v1/grants/{grantId}/decline", this::declineGrant),
                route("GET /v1/accounts/{accountId}/calendar", this::delegatedCalendar),
                route("POST /v1/accounts/{accountId}/bookings", this::delegatedCreateBooking),
                route("GET /v1/accounts/{accountId}/bookings", this::delegatedListBookings),
                route("GET /v1/accounts/{accountId}/bookings/{bookingId}", this::delegatedGetBooking),
                route("PATCH /v1/accounts/{accountId}/bookings/{bookingId}", this::delegatedUpdateBooking),
                route("DELETE /v1/accounts/{accountId}/bookings/{bookingId}", this::delegatedCancelBooking));
    }

    @Override
    protected List<Class<?>> primingTypes() {
        return List.of(GrantRequest.class, CreateBookingRequest.class, MoveBookingRequest.class);
    }

    /** The owner offers a colleague access to the calendar (plan L and above); it works once accepted. */
    private ApiResponse createGrant(ApiRequest request) {
        return ApiResponse.created(grants.grant(request.principal(), request.body(GrantRequest.class), request.requestId()));
    }

    /** Grants given and received. */
    private ApiResponse listGrants(ApiRequest request) {
        return ApiResponse.ok(grants.list(request.principal()));
    }

    /** Revokes an offer or a grant at once (by grant id, or by the grantee's user id as before grant ids). */
    private ApiResponse revokeGrant(ApiRequest request) {
        grants.revoke(request.principal(), request.pathParam("grantId"), request.requestId());
        return ApiResponse.noContent();
    }

    /** The grantee accepts an offer; only then does the grant take effect. */
    private ApiResponse acceptGrant(ApiRequest request) {
        return ApiResponse.ok(grants.accept(request.principal(), request.pathParam("grantId"), request.requestId()));
    }

    /** The grantee turns an offer down. */
    private ApiResponse declineGrant(ApiRequest request) {
        return ApiResponse.ok(grants.decline(request.principal(), request.pathParam("grantId"), request.requestId()));
    }

    /** A grantee's view of a colleague's calendar. */
    private ApiResponse delegatedCalendar(ApiRequest request) {
        return ApiResponse.ok(delegated.calendar(request.principal(), request.pathParam("accountId"), QueryParameters.calendar(request)));
    }

    /** A grantee books into a colleague's calendar. */
    private ApiResponse delegatedCreateBooking(ApiRequest request) {
        return ApiResponse.created(delegated.create(request.principal(), request.pathParam("accountId"),
                request.body(CreateBookingRequest.class), request.header("Idempotency-Key"), request.requestId()));
    }

    /** A grantee lists a colleague's bookings (minimal client data). */
    private ApiResponse delegatedListBookings(ApiRequest request) {
        return ApiResponse.ok(delegated.list(request.principal(), request.pathParam("accountId"), QueryParameters.bookings(request)));
    }

    /** A grantee reads one booking of a colleague (minimal client data). */
    private ApiResponse delegatedGetBooking(ApiRequest request) {
        return ApiResponse.ok(delegated.get(request.principal(), request.pathParam("accountId"), request.pathParam("bookingId")));
    }

    /** A grantee moves a booking in a colleague's calendar. */
    private ApiResponse delegatedUpdateBooking(ApiRequest request) {
        return ApiResponse.ok(delegated.move(request.principal(), request.pathParam("accountId"), request.pathParam("bookingId"),
                request.body(MoveBookingRequest.class), request.header("Idempotency-Key"), request.requestId()));
    }

    /** A grantee cancels a booking in a colleague's calendar. */
    private ApiResponse delegatedCancelBooking(ApiRequest request) {
        delegated.cancel(request.principal(), request.pathParam("accountId"), request.pathParam("bookingId"), request.requestId());
        return ApiResponse.noContent();
    }
}
