package com.practicecal.shared.error;

/** No valid credentials. */
public class UnauthorizedException extends DomainException {
    public UnauthorizedException(String code, String message) {
        super(code, message);
    }

    @Override
    public int status() {
        return 401;
    }
}
