package com.practicecal.shared.client;

import com.practicecal.shared.clientrecord.ClientRecord;
import com.practicecal.shared.validation.Check;
import com.practicecal.shared.validation.Validatable;
import com.practicecal.shared.error.ValidationException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Requests and views of client records. */
public final class ClientRequests {
    public static final int NAME_MAX = 60;
    public static final int NOTES_MAX = 4_000;

    private ClientRequests() {
    }

    /** POST /v1/clients (and a grantee's POST /v1/accounts/{accountId}/clients). */
    public record CreateClientRequest(String firstName, String lastName, String email, String phone, String birthDate,
                                      String notes) implements Validatable {
        @Override
        public void validate() {
            Check.text("firstName", firstName, NAME_MAX);
            Check.text("lastName", lastName, NAME_MAX);
            Check.optionalEmail("email", email);
            Check.optionalPhone("phone", phone);
            parseBirthDate("birthDate", birthDate);
            cleanNotes("notes", notes);
        }
    }

    /** PATCH /v1/clients/{id}: fields present are changed; an empty string clears an optional field. */
    public record UpdateClientRequest(String firstName, String lastName, String email, String phone, String birthDate,
                                      String notes) implements Validatable {
        @Override
        public void validate() {
            if (firstName == null && lastName == null && email == null && phone == null && birthDate == null
                    && notes == null) {
                throw new ValidationException("body", "must change at least one field");
            }
            if (firstName != null) {
                Check.text("firstName", firstName, NAME_MAX);
            }
            if (lastName != null) {
                Check.text("lastName", lastName, NAME_MAX);
            }
            Check.optionalEmail("email", email);
            Check.optionalPhone("phone", phone);
            parseBirthDate("birthDate", birthDate);
            cleanNotes("notes", notes);
        }
    }

    /** POST /v1/clients/{id}/merge */
    public record MergeRequest(String intoId) implements Validatable {
        @Override
        public void validate() {
            Check.id("intoId", intoId);
        }
    }

    static LocalDate parseBirthDate(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be a date like 1980-04-23");
        }
        if (date.isBefore(LocalDate.of(1900, 1, 1)) || date.isAfter(LocalDate.now())) {
            throw new ValidationException(field, "must be between 1900-01-01 and today");
        }
        return date;
    }

    static String cleanNotes(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > NOTES_MAX) {
            throw new ValidationException(field, "must be at most " + NOTES_MAX + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new ValidationException(field, "must not contain control characters");
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** A client as the owner and staff with {@code documentation} see it. */
    public record ClientView(String id, String firstName, String lastName, String email, String phone, String birthDate,
                             String notes, String source, String createdAt, String updatedAt) {
        public static ClientView of(ClientRecord c) {
            return new ClientView(c.id(), c.firstName(), c.lastName(), c.email(), c.phone(),
                    c.birthDate() == null ? null : c.birthDate().toString(), c.notes(), c.source(),
                    c.createdAt().toString(), c.updatedAt().toString());
        }
    }

    /** What a grantee sees of a client: an id to book with and "Erika M.". */
    public record ClientSummary(String id, String name) {
    }

    public record ClientPage(List<ClientView> items, String nextCursor) {
    }

    public record ClientSummaries(List<ClientSummary> items) {
    }
}
