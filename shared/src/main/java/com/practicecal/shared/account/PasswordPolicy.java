package com.practicecal.shared.account;

import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.ValidationException;

/**
 * The password rules; template.yaml's user pool declares the same (a test keeps them equal), so sign-up can
 * answer 422 before touching Cognito.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    public static String check(String field, String password) {
        if (password == null || password.isEmpty()) {
            throw new ValidationException(field, "is required");
        }
        if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw weak(field, "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
        if (!password.chars().anyMatch(Character::isUpperCase) || !password.chars().anyMatch(Character::isLowerCase)
                || !password.chars().anyMatch(Character::isDigit)) {
            throw weak(field, "must contain upper- and lower-case letters and a digit");
        }
        return password;
    }

    private static ValidationException weak(String field, String message) {
        return new ValidationException(ErrorCodes.WEAK_PASSWORD, field, message);
    }
}
