package com.practicecal.shared.error;

/** The caller tried too often (429); they may try again later. */
public class TooManyRequestsException extends DomainException {
    public TooManyRequestsException(String code, String message) {
        super(code, message);
    }

    @Override
    public int status() {
        return 429;
    }
}
