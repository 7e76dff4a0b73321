package com.practicecal.shared.grant;

import java.time.Instant;
import java.util.Set;

/**
 * Account {@code grantorAccountId} lets user {@code granteeUserId} (of another account) work in its calendar with
 * {@code scopes}, until revoked or {@code expiresAt}. What the grantee sees is cut down to what booking needs.
 */
public record Grant(String grantorAccountId, String granteeUserId, String granteeEmail, Set<String> scopes,
                    Instant expiresAt, String status, Instant createdAt) {
    public static final String READ = "appointments:read";
    public static final String WRITE = "appointments:write";
    public static final Set<String> SCOPES = Set.of(READ, WRITE);
    public static final String ACTIVE = "ACTIVE";
    public static final String REVOKED = "REVOKED";

    public boolean activeAt(Instant now) {
        return ACTIVE.equals(status) && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** Write implies read. */
    public boolean allows(String scope) {
        return scopes.contains(scope) || (READ.equals(scope) && scopes.contains(WRITE));
    }
}
