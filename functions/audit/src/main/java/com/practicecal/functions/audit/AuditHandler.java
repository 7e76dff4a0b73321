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
        return ApiResponse.ok(audit.list(request.principal(), AuditQuery.from(request, clock.instant())));
    }

    /** Verifies the audit hash chain after the last checkpoint ({@code ?full=true}: all of it); names the first broken entry. */
    private ApiResponse verifyAudit(ApiRequest request) {
        return ApiResponse.ok(audit.verify(request.principal(), AuditQuery.from(request, clock.instant()),
                AuditQuery.full(request)));
    }
}
