package com.practicecal.shared.account;

import com.practicecal.shared.validation.Check;
import com.practicecal.shared.validation.Validatable;
import com.practicecal.shared.plan.Plan;

/** POST /v1/signup */
public record SignupRequest(String email, String password, String practiceName, String plan, String timeZone)
        implements Validatable {
    public static final String DEFAULT_TIME_ZONE = "Europe/Berlin";

    @Override
    public void validate() {
        Check.email("email", email);
        PasswordPolicy.check("password", password);
        Check.text("practiceName", practiceName, 120);
        Plan.parse("plan", plan);
        if (timeZone != null) {
            Check.zone("timeZone", timeZone);
        }
    }

    public String normalizedEmail() {
        return Check.email("email", email);
    }

    public String zone() {
        return timeZone == null ? DEFAULT_TIME_ZONE : Check.zone("timeZone", timeZone);
    }
}
