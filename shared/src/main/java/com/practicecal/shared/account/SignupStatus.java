package com.practicecal.shared.account;

/**
 * Answer of POST /v1/signup and /v1/signup/resend: a code is on its way (or, for an address without a pending
 * sign-up, nothing is, which the answer does not reveal).
 */
public record SignupStatus(String email, String status, String deliveryMedium) {
    public static final String CONFIRMATION_PENDING = "CONFIRMATION_PENDING";

    static SignupStatus pending(String email) {
        return new SignupStatus(email, CONFIRMATION_PENDING, "EMAIL");
    }
}
