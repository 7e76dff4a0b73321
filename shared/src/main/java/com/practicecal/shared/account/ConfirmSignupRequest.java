package com.practicecal.shared.account;

import com.practicecal.shared.validation.Check;
import com.practicecal.shared.validation.Validatable;
import com.practicecal.shared.error.ValidationException;
import java.util.regex.Pattern;

/**
 * POST /v1/signup/confirm. The password is the one given at sign-up: the code proves the email, the password
 * proves that the confirmer is who signed up, so nobody can confirm (and so own) a sign-up someone else made with
 * their address.
 */
public record ConfirmSignupRequest(String email, String code, String password) implements Validatable {
    private static final Pattern CODE = Pattern.compile("^[0-9]{6}$");

    @Override
    public void validate() {
        Check.email("email", email);
        if (code == null || !CODE.matcher(code).matches()) {
            throw new ValidationException("code", "must be the 6-digit code from the email");
        }
        if (password == null || password.isEmpty() || password.length() > PasswordPolicy.MAX_LENGTH) {
            throw new ValidationException("password", "is required (the password given at sign-up)");
        }
    }

    public String normalizedEmail() {
        return Check.email("email", email);
    }
}
