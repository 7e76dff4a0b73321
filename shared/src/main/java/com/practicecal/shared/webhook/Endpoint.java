package com.practicecal.shared.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A registered webhook endpoint of one account. The secret is stored as issued (it must be retrievable to sign);
 * after a rotation the previous secret keeps signing until {@code previousSecretExpiresAt}. {@code failingSince}
 * is the start of the current run of failed attempts; {@code disabledReason} is set when it was disabled for that.
 */
public record Endpoint(String id, String accountId, String url, List<String> events, boolean enabled,
                       String secret, String previousSecret, Instant previousSecretExpiresAt, Instant failingSince,
                       String disabledReason, Instant createdAt, Instant updatedAt) {
    public static final String DISABLED_FAILING = "FAILING";

    public boolean subscribedTo(String type) {
        return events.contains(type);
    }

    /** The secrets to sign with at {@code now}: the current one, and the previous one during its grace period. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }
}
