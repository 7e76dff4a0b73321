package com.practicecal.functions.audit;

import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.api.RoutedFunction;
import com.practicecal.shared.audit.AuditQuery;
import com.practicecal.shared.audit.AuditService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;

/** Audit log: list and verify. */
public class AuditHandler extends RoutedFunction {
    @Inject
    AuditService audit;
    @Inject
    Clock clock;

    public AuditHandler() {
    }

    public AuditHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected Map<String, Route> routes() {
        return Map.ofEntries(
                route("GET /v1/audit", this::listAudit),
                route("GET /v1/audit/verify", this::verifyAudit));
    }

    /** Audit entries of the caller's account, newest first. */
    private ApiResponse listAudit(ApiRequest request) {
        return ApiResponse.ok(audit.list(request.principal(), auditQuery(request)));
    }

    /** Verifies the audit hash chain after the last checkpoint ({@code ?full=true}: all of it); names the first broken entry. */
    private ApiResponse verifyAudit(ApiRequest request) {
        return ApiResponse.ok(audit.verify(request.principal(), auditQuery(request),
                AuditQuery.full(request.queryValue("full"))));
    }

    /** {@code ?from=&to=&actor=&action=&targetId=&limit=&cursor=}; the range defaults to the last 30 days. */
    private AuditQuery auditQuery(ApiRequest request) {
        return AuditQuery.parse(new AuditQuery.Params(request.queryValue("from"), request.queryValue("to"),
                request.queryValue("actor"), request.queryValue("action"), request.queryValue("targetId"),
                request.queryValue("limit"), request.queryValue("cursor")), clock.instant());
    }
}
