package com.practicecal.shared.booking;

/** A booking's client. Contact data: never logged, never in events or audit entries. */
public record Client(String name, String email, String phone) {
    @Override
    public String toString() {
        return "Client[redacted]";
    }
}
