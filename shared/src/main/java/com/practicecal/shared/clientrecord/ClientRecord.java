package com.practicecal.shared.clientrecord;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A client of a practice (Klientenakte): names stored apart, optional contact data, birth date and notes.
 * Personal data: never logged, never in events, audit entries, queues or webhooks.
 */
public record ClientRecord(String id, String accountId, String firstName, String lastName, String email, String phone,
                           LocalDate birthDate, String notes, String source, String status, String mergedInto,
                           String createdBy, Instant createdAt, Instant updatedAt, long version) {
    public static final String ACTIVE = "ACTIVE";
    public static final String MERGED = "MERGED";
    public static final String ERASED = "ERASED";
    public static final String SOURCE_MANUAL = "manual";
    public static final String SOURCE_ONLINE = "online";

    public boolean active() {
        return ACTIVE.equals(status);
    }

    public String fullName() {
        return lastName == null ? firstName : firstName + " " + lastName;
    }

    public String minimalName() {
        return ClientName.minimal(firstName, lastName);
    }

    @Override
    public String toString() {
        return "ClientRecord[" + id + "]";
    }
}
