package com.practicecal.functions.listaudit;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.audit.AuditQuery;
import com.practicecal.shared.audit.AuditService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.time.Clock;

/** Audit entries of the caller's account, newest first. */
public class ListAuditHandler extends ApiFunction {
    @Inject
    AuditService audit;
    @Inject
    Clock clock;

    public ListAuditHandler() {
    }

    public ListAuditHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(audit.list(request.principal(), AuditQuery.from(request, clock.instant())));
    }
}
