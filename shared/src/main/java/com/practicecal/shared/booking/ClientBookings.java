package com.practicecal.shared.booking;

import com.practicecal.shared.account.Membership;
import com.practicecal.shared.clientrecord.ClientItem;
import com.practicecal.shared.clientrecord.ClientName;
import com.practicecal.shared.clientrecord.ClientRecord;
import com.practicecal.shared.event.Actor;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.event.Change;
import com.practicecal.shared.event.Events;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.Keys;
import com.practicecal.shared.store.Snapshot;
import com.practicecal.shared.store.Transaction;
import com.practicecal.shared.store.TxTag;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What a booking's transaction adds for its client record: the record must be the account's and active when the
 * booking commits (its version moves on, so an erasure or merge racing the booking notices it), and the
 * client's booking list gains the booking. Online bookings create the record ({@code source: online}) in the same
 * transaction.
 */
public final class ClientBookings {
    static final TxTag LINK_TAG = TxTag.of("client-link");
    static final TxTag NEW_TAG = TxTag.of("client-new");
    static final TxTag DIRECTORY_TAG = TxTag.of("client-directory");

    private ClientBookings() {
    }

    /** The keys the booking's first read adds: the client record it names, if any. */
    public static Keys keys(Client client) {
        return client.clientId() == null ? new Keys() : Keys.of(ClientItem.key(client.clientId()));
    }

    /** The booking's client as read in {@code read}: a record of the account, active; else 422 on clientId. */
    public static Client resolve(Client client, Snapshot read, Membership me) {
        if (client.clientId() == null) {
            return client;
        }
        ClientRecord record = read.get(ClientItem.key(client.clientId()), ClientItem::fromItem).orElse(null);
        if (record == null || !record.accountId().equals(me.accountId()) || !record.active()) {
            throw unknown();
        }
        return Client.of(record);
    }

    /**
     * Adds the client's part to a new booking's transaction and returns the client the booking stores: for a
     * record, its condition check and booking link; with {@code createRecord} (online bookings), a new record made
     * from the typed-in client.
     */
    public static Client add(Transaction tx, Client client, boolean createRecord, Membership me, String bookingId,
                             Actor actor, Events events, Instant now) {
        return add(tx, client, createRecord, ClientRecord.SOURCE_ONLINE, me, bookingId, actor, events, now);
    }

    /** {@link #add} with the {@code source} a new record is marked with (online, or manual for a typed-in client). */
    public static Client add(Transaction tx, Client client, boolean createRecord, String source, Membership me,
                             String bookingId, Actor actor, Events events, Instant now) {
        if (client.clientId() != null) {
            tx.update(ClientItem.TAG, ClientItem.key(client.clientId()), ClientItem.bookedFor(me.accountId()));
            tx.put(LINK_TAG, ClientItem.link(client.clientId(), me.accountId(), bookingId), null);
            return client;
        }
        if (!createRecord || client.name() == null) {
            return client;
        }
        ClientName.Parts parts = ClientName.split(client.name());
        ClientRecord record = new ClientRecord(UUID.randomUUID().toString(), me.accountId(), parts.firstName(),
                parts.lastName(), client.email(), client.phone(), null, null, source,
                ClientRecord.ACTIVE, null, actor.userId(), now, now, 1);
        tx.put(NEW_TAG, ClientItem.toItem(record), Condition.NEW_ITEM);
        ClientItem.directory(record).forEach(entry -> tx.put(DIRECTORY_TAG, entry, null));
        tx.put(LINK_TAG, ClientItem.link(record.id(), me.accountId(), bookingId), null);
        tx.with(events.emit(me.accountId(), "client.created", "client", record.id(),
                Map.of("source", new Change(null, source))));
        return client.linkedTo(record);
    }

    public static ValidationException unknown() {
        return new ValidationException("clientId", "unknown client");
    }
}
