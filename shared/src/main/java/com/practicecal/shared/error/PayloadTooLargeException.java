package com.practicecal.shared.error;

/** The request body is larger than accepted. */
public class PayloadTooLargeException extends DomainException {
    public PayloadTooLargeException(String code, String message) {
        super(code, message);
    }

    @Override
    public int status() {
        return 413;
    }
}
