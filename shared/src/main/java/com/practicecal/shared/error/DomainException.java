package com.practicecal.shared.error;

/** Base of every expected failure; the {@link ErrorMapper} turns it into an HTTP status and a stable code. */
public abstract class DomainException extends RuntimeException {
    private final String code;

    protected DomainException(String code, String message) {
        super(message, null, false, false); // no stack trace: these are expected outcomes, not bugs
        this.code = code;
    }

    public String code() {
        return code;
    }

    public abstract int status();
}
