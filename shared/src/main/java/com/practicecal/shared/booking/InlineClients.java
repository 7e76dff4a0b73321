package com.practicecal.shared.booking;

import com.practicecal.shared.clientrecord.ClientItem;
import com.practicecal.shared.clientrecord.ClientName;
import com.practicecal.shared.clientrecord.ClientRecord;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.Query;
import com.practicecal.shared.store.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A typed-in client ({@code client: {name, email?, phone?}} instead of {@code clientId}) belongs to a record, as an
 * online booking's does: the one active record of the account with exactly that name (first and last name compared
 * folded, as the directory sorts them) whose contact data does not contradict the typed one; if there is none, or
 * more than one, the booking creates a new record (source {@code manual}) in its own transaction, and the therapist
 * merges duplicates. Found with one strongly consistent query on the directory's name-ordered entries (plus one
 * read of the candidates when the typed client carries contact data, to compare it).
 */
public final class InlineClients {
    private InlineClients() {
    }

    /** Whether {@code client} is a typed-in client that should be linked to a record. */
    public static boolean typedIn(Client client) {
        return client != null && client.clientId() == null && client.name() != null && !client.name().isBlank();
    }

    /** The typed-in client linked to its record, if exactly one matches. */
    public static Optional<Client> match(MainTable table, String accountId, Client typed) {
        ClientName.Parts parts = ClientName.split(typed.name());
        if (parts == null) {
            return Optional.empty();
        }
        String prefix = ClientItem.ALPHA_PREFIX + ClientName.sortKey(parts.firstName(), parts.lastName()) + "#";
        List<ClientItem.Entry> named = new ArrayList<>();
        for (ClientItem.Entry entry : table.page(Query.partition(ClientItem.directoryPartition(accountId))
                .sortBeginsWith(prefix).consistent().limit(10),
                item -> ClientItem.exactlyNamed(item, prefix) ? ClientItem.entry(item) : null).items()) {
            if (entry != null) { // this name, not a longer one
                named.add(entry);
            }
        }
        if (typed.email() == null && typed.phone() == null) {
            // the directory lists active records only; the booking's transaction checks the record is still active
            if (named.size() != 1) {
                return Optional.empty();
            }
            ClientItem.Entry e = named.get(0);
            return Optional.of(new Client(e.lastName() == null ? e.firstName() : e.firstName() + " " + e.lastName(),
                    null, null, e.clientId(), e.firstName(), e.lastName()));
        }
        if (named.isEmpty()) {
            return Optional.empty();
        }
        List<ClientRecord> candidates = new ArrayList<>();
        Snapshot records = table.read(named.stream().map(e -> ClientItem.key(e.clientId())).toList());
        for (ClientItem.Entry e : named) {
            ClientRecord record = records.get(ClientItem.key(e.clientId()), ClientItem::fromItem).orElse(null);
            if (record != null && record.active() && record.accountId().equals(accountId)
                    && agrees(typed.email(), record.email()) && agrees(typed.phone(), record.phone())) {
                candidates.add(record);
            }
        }
        return candidates.size() == 1 ? Optional.of(typed.linkedTo(candidates.get(0))) : Optional.empty();
    }

    private static boolean agrees(String typed, String stored) {
        return typed == null || stored == null || Objects.equals(typed.strip().toLowerCase(java.util.Locale.ROOT),
                stored.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
