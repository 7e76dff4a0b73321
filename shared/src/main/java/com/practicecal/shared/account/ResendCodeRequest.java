package com.practicecal.shared.account;

import com.practicecal.shared.validation.Check;
import com.practicecal.shared.validation.Validatable;

/** POST /v1/signup/resend */
public record ResendCodeRequest(String email) implements Validatable {
    @Override
    public void validate() {
        Check.email("email", email);
    }

    public String normalizedEmail() {
        return Check.email("email", email);
    }
}
