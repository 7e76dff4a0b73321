package com.practicecal.shared.grant;

import com.practicecal.shared.validation.Check;
import com.practicecal.shared.validation.Validatable;
import com.practicecal.shared.error.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** POST /v1/grants */
public record GrantRequest(String granteeEmail, List<String> scopes, String expiresAt) implements Validatable {
    @Override
    public void validate() {
        Check.email("granteeEmail", granteeEmail);
        scopeSet();
        expiry();
    }

    public String normalizedEmail() {
        return Check.email("granteeEmail", granteeEmail);
    }

    public Set<String> scopeSet() {
        if (scopes == null || scopes.isEmpty()) {
            throw new ValidationException("scopes", "give at least one of " + new TreeSet<>(Grant.SCOPES));
        }
        for (String scope : scopes) {
            if (!Grant.SCOPES.contains(scope)) {
                throw new ValidationException("scopes", "unknown scope " + Check.optionalText("scopes", scope, 40)
                        + "; allowed: " + new TreeSet<>(Grant.SCOPES));
            }
        }
        return new TreeSet<>(scopes);
    }

    public Instant expiry() {
        return expiresAt == null ? null : Check.instant("expiresAt", expiresAt).toInstant();
    }
}
