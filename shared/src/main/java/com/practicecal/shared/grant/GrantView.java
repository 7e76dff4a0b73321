package com.practicecal.shared.grant;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A grant as the grantor or the grantee sees it. */
public record GrantView(String id, String accountId, String granteeUserId, String granteeEmail, Set<String> scopes,
                        Instant expiresAt, String status, Instant createdAt) {
    public static GrantView of(Grant g, Instant now) {
        String status = Grant.ACTIVE.equals(g.status()) && !g.activeAt(now) ? "EXPIRED" : g.status();
        return new GrantView(g.granteeUserId(), g.grantorAccountId(), g.granteeUserId(), g.granteeEmail(), g.scopes(),
                g.expiresAt(), status, g.createdAt());
    }

    /** GET /v1/grants */
    public record Lists(List<GrantView> given, List<GrantView> received) {
    }
}
