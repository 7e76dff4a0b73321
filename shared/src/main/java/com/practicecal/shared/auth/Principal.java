package com.practicecal.shared.auth;

/**
 * The authenticated caller as API Gateway's JWT authorizer vouched for it: the Cognito user id ({@code sub}).
 * What the caller may do is decided by {@link AccessPolicy} from stored membership, never from token contents alone.
 */
public record Principal(String userId, String email) {
    /**
     * SnapStart's synthetic caller: only this instance (compared by identity, never built from a token) resolves to
     * {@link AccessPolicy#PRIMING_MEMBERSHIP}, the owner of an account that has no data.
     */
    public static final Principal PRIMING = new Principal("snapstart-priming", null);

    public Principal {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId required");
        }
    }

    @Override
    public String toString() {
        return "Principal[" + userId + "]"; // never print the email
    }
}
