package com.practicecal.shared.staff;

import com.practicecal.shared.validation.Check;
import com.practicecal.shared.validation.Validatable;
import com.practicecal.shared.error.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Requests and views of the staff API. */
public final class StaffRequests {
    private StaffRequests() {
    }

    /** POST /v1/staff */
    public record Invite(String email, String role, List<String> scopes) implements Validatable {
        @Override
        public void validate() {
            Check.email("email", email);
            StaffScopes.resolve(role, scopes);
        }
    }

    /** PATCH /v1/staff/{userId} */
    public record Change(String role, List<String> scopes) implements Validatable {
        @Override
        public void validate() {
            if (role == null && scopes == null) {
                throw new ValidationException(null, "give role and/or scopes");
            }
            StaffScopes.resolve(role == null ? "CUSTOM" : role, scopes);
        }
    }

    /** {@code role}: the role the owner gave (SECRETARY, ACCOUNTING or CUSTOM); see {@link StaffScopes#roleOf}. */
    public record StaffView(String userId, String email, String role, Set<String> scopes, Instant addedAt) {
    }

    public record StaffList(List<StaffView> items) {
    }
}
