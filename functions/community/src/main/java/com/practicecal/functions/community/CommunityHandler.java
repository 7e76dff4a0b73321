package com.practicecal.functions.community;

import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.api.RoutedFunction;
import com.practicecal.shared.community.CommunityService;
import com.practicecal.shared.community.InvitationRequest;
import com.practicecal.shared.community.JoinCodeService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Communities: invitations, membership. */
public class CommunityHandler extends RoutedFunction {
    @Inject
    CommunityService communities;

    @Inject
    JoinCodeService joinCodes;

    public CommunityHandler() {
    }

    public CommunityHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Map<String, Route> routes() {
        return Map.ofEntries(
                route("POST /v1/community/invitations", this::createInvitation),
                route("GET /v1/community/invitations", this::listInvitations),
                route("POST /v1/community/invitations/{invitationId}/accept", this::acceptInvitation),
                route("POST /v1/community/invitations/{invitationId}/decline", this::declineInvitation),
                route("GET /v1/community", this::getCommunity),
                route("DELETE /v1/community/members/{accountId}", this::removeCommunityMember),
                route("POST /v1/community/join-codes", this::createJoinCode),
                route("GET /v1/community/join-codes", this::listJoinCodes),
                route("DELETE /v1/community/join-codes/{codeId}", this::revokeJoinCode),
                route("POST /v1/community/join", this::joinCommunityByCode));
    }

    @Override
    protected List<Class<?>> primingTypes() {
        return List.of(InvitationRequest.class, JoinCodeService.JoinRequest.class);
    }

    /** Invites another practice into the caller's calendar community. */
    private ApiResponse createInvitation(ApiRequest request) {
        return ApiResponse.created(communities.invite(request.principal(), request.body(InvitationRequest.class),
                request.requestId()));
    }

    /** Incoming and outgoing community invitations. */
    private ApiResponse listInvitations(ApiRequest request) {
        return ApiResponse.ok(communities.invitations(request.principal()));
    }

    /** Accepts an invitation: the account joins the community. */
    private ApiResponse acceptInvitation(ApiRequest request) {
        return ApiResponse.ok(communities.accept(request.principal(), request.pathParam("invitationId"), request.requestId()));
    }

    /** Declines an invitation. */
    private ApiResponse declineInvitation(ApiRequest request) {
        communities.decline(request.principal(), request.pathParam("invitationId"), request.requestId());
        return ApiResponse.noContent();
    }

    /** The caller's calendar community: members and shared rooms. */
    private ApiResponse getCommunity(ApiRequest request) {
        return ApiResponse.ok(communities.view(request.principal()));
    }

    /** Leaves the community (own account) or removes a member (community owner). */
    private ApiResponse removeCommunityMember(ApiRequest request) {
        communities.removeMember(request.principal(), request.pathParam("accountId"), request.requestId());
        return ApiResponse.noContent();
    }

    /** Issues a single-use join code for the caller's community (7 days). */
    private ApiResponse createJoinCode(ApiRequest request) {
        return ApiResponse.created(joinCodes.issue(request.principal(), request.requestId()));
    }

    /** The practice's join codes that can still be used (owner). */
    private ApiResponse listJoinCodes(ApiRequest request) {
        return ApiResponse.ok(joinCodes.active(request.principal()));
    }

    /** Revokes an unused join code (owner). */
    private ApiResponse revokeJoinCode(ApiRequest request) {
        joinCodes.revoke(request.principal(), request.pathParam("codeId"), request.requestId());
        return ApiResponse.noContent();
    }

    /** Joins the community of a join code. */
    private ApiResponse joinCommunityByCode(ApiRequest request) {
        return ApiResponse.ok(joinCodes.join(request.principal(), request.body(JoinCodeService.JoinRequest.class),
                request.requestId()));
    }
}
