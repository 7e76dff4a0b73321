package com.practicecal.shared.grant;

import java.time.Instant;
import java.util.Set;

/**
 * Account {@code grantorAccountId} offers user {@code granteeUserId} (of another account, found by a confirmed
 * address) to work in its calendar with {@code scopes}; the grant takes effect when the grantee accepts it and ends
 * when revoked or at {@code expiresAt}. What the grantee sees is cut down to what booking needs.
 *
 * @param id         the grant's own id (in the grantor's and the grantee's list; accept and revoke name it); grants
 *                   stored before offers existed have none and use the grantee's user id
 * @param acceptedAt when the grantee accepted; null while offered
 */
public record Grant(String id, String grantorAccountId, String granteeUserId, String granteeEmail, Set<String> scopes,
                    Instant expiresAt, String status, Instant createdAt, Instant acceptedAt) {
    public static final String READ = "appointments:read";
    public static final String WRITE = "appointments:write";
    public static final Set<String> SCOPES = Set.of(READ, WRITE);
    /** Offered by the grantor, not yet accepted by the grantee: no access. */
    public static final String OFFERED = "OFFERED";
    public static final String ACTIVE = "ACTIVE";
    public static final String REVOKED = "REVOKED";
    /** The grantee turned the offer down: no access; the grantor may offer again. */
    public static final String DECLINED = "DECLINED";
    public static final String EXPIRED = "EXPIRED";

    public boolean activeAt(Instant now) {
        return ACTIVE.equals(status) && !expiredAt(now);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Write implies read. */
    public boolean allows(String scope) {
        return scopes.contains(scope) || (READ.equals(scope) && scopes.contains(WRITE));
    }
}
