package com.practicecal.shared.error;

/** The request conflicts with the current state (room taken, quota reached, concurrent change). */
public class ConflictException extends DomainException {
    public ConflictException(String code, String message) {
        super(code, message);
    }

    @Override
    public int status() {
        return 409;
    }
}
