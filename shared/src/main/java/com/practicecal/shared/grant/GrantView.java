package com.practicecal.shared.grant;

import com.practicecal.shared.account.Account;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A grant as the grantor or the grantee sees it; {@code id} is the same in both lists. {@code practiceName} and
 * {@code timeZone} are the granting practice's (read with the list), so the grantee's view names the colleague and
 * shows the colleague's calendar in the colleague's zone.
 */
public record GrantView(String id, String accountId, String practiceName, String timeZone, String granteeUserId,
                        String granteeEmail, Set<String> scopes, Instant expiresAt, String status, Instant createdAt,
                        Instant acceptedAt) {
    public static GrantView of(Grant g, Instant now) {
        return of(g, null, now);
    }

    /** With the granting account as read (null if unknown: the practice fields are left out). */
    public static GrantView of(Grant g, Account grantor, Instant now) {
        boolean open = Grant.ACTIVE.equals(g.status()) || Grant.OFFERED.equals(g.status());
        String status = open && g.expiredAt(now) ? Grant.EXPIRED : g.status();
        return new GrantView(g.id(), g.grantorAccountId(), grantor == null ? null : grantor.name(),
                grantor == null ? null : grantor.timeZone().getId(), g.granteeUserId(), g.granteeEmail(), g.scopes(),
                g.expiresAt(), status, g.createdAt(), g.acceptedAt());
    }

    /** GET /v1/grants */
    public record Lists(List<GrantView> given, List<GrantView> received) {
    }
}
