package com.practicecal.shared.error;

/** The caller is known but lacks the permission or plan for this action. */
public class ForbiddenException extends DomainException {
    public ForbiddenException(String code, String message) {
        super(code, message);
    }

    @Override
    public int status() {
        return 403;
    }
}
