package com.practicecal.shared.booking;

import com.practicecal.shared.clientrecord.ClientName;
import com.practicecal.shared.clientrecord.ClientRecord;

/**
 * A booking's client. Contact data: never logged, never in events or audit entries. A booking made for a client
 * record names it ({@code clientId}) and carries its first and last name apart; bookings with a typed-in client
 * carry the free-text {@code name}. An erased client leaves a booking with no client data at all.
 */
public record Client(String name, String email, String phone, String clientId, String firstName, String lastName) {
    public Client(String name, String email, String phone) {
        this(name, email, phone, null, null, null);
    }

    /** A booking for a client record: its names, no copy of its contact data. */
    public static Client of(ClientRecord record) {
        return new Client(record.fullName(), null, null, record.id(), record.firstName(), record.lastName());
    }

    /** A booking for {@code clientId} whose names are filled in when the record is read. */
    public static Client reference(String clientId) {
        return new Client(null, null, null, clientId, null, null);
    }

    /** The same booking contact, linked to {@code record} (its names replace the typed-in ones). */
    public Client linkedTo(ClientRecord record) {
        return new Client(record.fullName(), email, phone, record.id(), record.firstName(), record.lastName());
    }

    /** What stays after the client's erasure: nothing. */
    public static Client erased() {
        return new Client(null, null, null, null, null, null);
    }

    public boolean isErased() {
        return name == null && firstName == null && clientId == null;
    }

    /** "Erika M.", exact when the names are stored apart. */
    public String minimalName() {
        return firstName != null ? ClientName.minimal(firstName, lastName) : ClientName.minimal(name);
    }

    @Override
    public String toString() {
        return "Client[redacted]";
    }
}
