package com.practicecal.functions.verifyaudit;

import com.practicecal.shared.api.ApiFunction;
import com.practicecal.shared.api.ApiRequest;
import com.practicecal.shared.api.ApiResponse;
import com.practicecal.shared.audit.AuditQuery;
import com.practicecal.shared.audit.AuditService;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import java.time.Clock;

/** Recomputes the audit hash chain and names the first broken entry. */
public class VerifyAuditHandler extends ApiFunction {
    @Inject
    AuditService audit;
    @Inject
    Clock clock;

    public VerifyAuditHandler() {
    }

    public VerifyAuditHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(audit.verify(request.principal(), AuditQuery.from(request, clock.instant())));
    }
}
