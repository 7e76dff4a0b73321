package com.practicecal.shared.client;

import com.practicecal.shared.booking.Client;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.DynamoTable;
import com.practicecal.shared.store.MainTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

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
        var entries = table.query(QueryRequest.builder().consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", Attr.PK, "#sk", Attr.SK))
                .expressionAttributeValues(Map.of(":pk", Attr.s(ClientItem.directoryPartition(accountId)),
                        ":prefix", Attr.s(prefix)))
                .limit(10)).items();
        List<ClientItem.Entry> named = new ArrayList<>();
        for (var item : entries) {
            if (Attr.str(item, Attr.SK).substring(prefix.length()).indexOf('#') < 0) { // this name, not a longer one
                named.add(ClientItem.entry(item));
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
        var records = table.batchGet(named.stream().map(e -> ClientItem.key(e.clientId())).toList());
        for (ClientItem.Entry e : named) {
            var item = records.get(DynamoTable.keyString(ClientItem.key(e.clientId())));
            ClientRecord record = item == null ? null : ClientItem.fromItem(item);
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
