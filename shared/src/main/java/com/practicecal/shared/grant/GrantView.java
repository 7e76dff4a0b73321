package com.practicecal.shared.grant;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A grant as the grantor or the grantee sees it; {@code id} is the same in both lists. */
public record GrantView(String id, String accountId, String granteeUserId, String granteeEmail, Set<String> scopes,
                        Instant expiresAt, String status, Instant createdAt, Instant acceptedAt) {
    public static GrantView of(Grant g, Instant now) {
        boolean open = Grant.ACTIVE.equals(g.status()) || Grant.OFFERED.equals(g.status());
        String status = open && g.expiredAt(now) ? Grant.EXPIRED : g.status();
        return new GrantView(g.id(), g.grantorAccountId(), g.granteeUserId(), g.granteeEmail(), g.scopes(),
                g.expiresAt(), status, g.createdAt(), g.acceptedAt());
    }

    /** GET /v1/grants */
    public record Lists(List<GrantView> given, List<GrantView> received) {
    }
}
