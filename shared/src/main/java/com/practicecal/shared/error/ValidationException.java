package com.practicecal.shared.error;

/** Input failed validation (422); carries the offending field so clients can point at it. */
public class ValidationException extends DomainException {
    private final String field;

    public ValidationException(String field, String message) {
        this(ErrorCodes.VALIDATION_FAILED, field, message);
    }

    public ValidationException(String code, String field, String message) {
        super(code, field == null ? message : field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public int status() {
        return 422;
    }
}
