package com.practicecal.shared.error;

/** The resource does not exist or belongs to an account the caller has no relation to. */
public class NotFoundException extends DomainException {
    public NotFoundException(String code, String message) {
        super(code, message);
    }

    @Override
    public int status() {
        return 404;
    }
}
