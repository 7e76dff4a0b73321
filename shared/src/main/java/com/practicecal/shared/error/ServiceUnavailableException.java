package com.practicecal.shared.error;

/** A dependency throttled or is unavailable; the caller should retry after {@link #retryAfterSeconds()}. */
public class ServiceUnavailableException extends DomainException {
    private final int retryAfterSeconds;

    public ServiceUnavailableException(String code, String message, int retryAfterSeconds) {
        super(code, message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public int status() {
        return 503;
    }
}
