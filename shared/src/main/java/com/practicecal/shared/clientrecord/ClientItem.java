package com.practicecal.shared.clientrecord;

import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.DynamoTable;
import com.practicecal.shared.store.Expression;
import com.practicecal.shared.store.TxTag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Storage of client records in the main table:
 * <ul>
 *   <li>the record: PK {@code CLIENT#<id>}, SK {@code CLIENT}; after a merge or an erasure only a tombstone
 *   without personal data stays ({@code clientStatus} MERGED/ERASED), so bookings can no longer name it;</li>
 *   <li>the directory: PK {@code ACCOUNT#<accountId>#CLIENTS}, one item per folded name token
 *   (SK {@code T#<token>#<clientId>}) and one per client in name order (SK {@code A#<last first>#<clientId>}),
 *   each with the names, so a prefix search is one query on the table itself;</li>
 *   <li>the client's bookings: PK {@code CLIENT#<id>}, SK {@code BOOKING#<bookingId>}, written in the booking's own
 *   transaction, so export, merge and erasure find them with one query.</li>
 * </ul>
 */
public final class ClientItem {
    /** Transaction tag of a client record. */
    public static final TxTag TAG = TxTag.of("client");
    /** Transaction tag of a directory entry of a record. */
    public static final TxTag DIRECTORY_TAG = TxTag.of("directory");
    /** Transaction tag of a record's link to a booking. */
    public static final TxTag LINK_TAG = TxTag.of("link");
    public static final String PREFIX = "CLIENT#";
    public static final String SORT = "CLIENT";
    public static final String TYPE = "Client";
    public static final String STATUS = "clientStatus";
    public static final String VERSION = "version";
    public static final String TOKEN_PREFIX = "T#";
    public static final String ALPHA_PREFIX = "A#";
    /** Sort-key prefix of a record's booking links: the booking item's own partition prefix ({@code BOOKING#}). */
    public static final String LINK_PREFIX = "BOOKING#";

    private ClientItem() {
    }

    public static Map<String, AttributeValue> key(String clientId) {
        return Attr.key(PREFIX + clientId, SORT);
    }

    public static String directoryPartition(String accountId) {
        return "ACCOUNT#" + accountId + "#CLIENTS";
    }

    public static Map<String, AttributeValue> linkKey(String clientId, String bookingId) {
        return Attr.key(PREFIX + clientId, LINK_PREFIX + bookingId);
    }

    public static Map<String, AttributeValue> link(String clientId, String accountId, String bookingId) {
        Map<String, AttributeValue> item = new HashMap<>(linkKey(clientId, bookingId));
        item.put(Attr.TYPE, Attr.s("ClientBooking"));
        item.put("accountId", Attr.s(accountId));
        item.put("bookingId", Attr.s(bookingId));
        return item;
    }

    public static Map<String, AttributeValue> toItem(ClientRecord c) {
        Map<String, AttributeValue> item = new HashMap<>(key(c.id()));
        item.put(Attr.TYPE, Attr.s(TYPE));
        item.put("clientId", Attr.s(c.id()));
        item.put("accountId", Attr.s(c.accountId()));
        put(item, "firstName", c.firstName());
        put(item, "lastName", c.lastName());
        put(item, "email", c.email());
        put(item, "phone", c.phone());
        put(item, "birthDate", c.birthDate() == null ? null : c.birthDate().toString());
        put(item, "notes", c.notes());
        put(item, "source", c.source());
        item.put(STATUS, Attr.s(c.status()));
        put(item, "mergedInto", c.mergedInto());
        put(item, "createdBy", c.createdBy());
        item.put("createdAt", Attr.s(c.createdAt().toString()));
        item.put("updatedAt", Attr.s(c.updatedAt().toString()));
        item.put(VERSION, Attr.n(c.version()));
        return item;
    }

    /** What stays of a merged or erased client: ids, status and times, no personal data. */
    public static Map<String, AttributeValue> tombstone(ClientRecord c, String status, String mergedInto, Instant at) {
        return toItem(new ClientRecord(c.id(), c.accountId(), null, null, null, null, null, null, c.source(), status,
                mergedInto, null, c.createdAt(), at, c.version() + 1));
    }

    public static ClientRecord fromItem(Map<String, AttributeValue> item) {
        String birth = Attr.str(item, "birthDate");
        return new ClientRecord(Attr.str(item, "clientId"), Attr.str(item, "accountId"), Attr.str(item, "firstName"),
                Attr.str(item, "lastName"), Attr.str(item, "email"), Attr.str(item, "phone"),
                birth == null ? null : LocalDate.parse(birth), Attr.str(item, "notes"), Attr.str(item, "source"),
                Attr.str(item, STATUS), Attr.str(item, "mergedInto"), Attr.str(item, "createdBy"),
                Instant.parse(Attr.str(item, "createdAt")), Instant.parse(Attr.str(item, "updatedAt")),
                Attr.num(item, VERSION, 1));
    }

    /** The directory items of a client: one per token, one in name order. */
    public static List<Map<String, AttributeValue>> directory(ClientRecord c) {
        Set<String> tokens = ClientName.tokens(c.firstName(), c.lastName());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (String token : tokens) {
            items.add(directoryItem(c, TOKEN_PREFIX + token + "#" + c.id(), tokens));
        }
        items.add(directoryItem(c, ALPHA_PREFIX + ClientName.sortKey(c.firstName(), c.lastName()) + "#" + c.id(), tokens));
        return items;
    }

    /** The record a booking names is the account's and active when the booking commits. */
    public static final String ACTIVE_CLIENT_OF_ACCOUNT = "#status = :active AND #account = :account";

    /** A booking for the record: its version moves on (a racing erasure or merge notices), if still active. */
    public static Expression bookedFor(String accountId) {
        return Expression.update("ADD #version :one").when(ACTIVE_CLIENT_OF_ACCOUNT).name("#version", VERSION)
                .name("#status", STATUS).name("#account", "accountId")
                .value(":one", Attr.n(1)).value(":active", Attr.s(ClientRecord.ACTIVE)).value(":account", Attr.s(accountId));
    }

    /** The record is as read (every change and every new booking for it moves its version on). */
    public static final String UNCHANGED = "#version = :version";

    public static Condition unchanged(ClientRecord before) {
        return Condition.of(UNCHANGED).name("#version", VERSION).value(":version", before.version());
    }

    /** The key of the directory entry with sort key {@code sort} (a cursor's position). */
    public static Map<String, AttributeValue> directoryKey(String accountId, String sort) {
        return Attr.key(directoryPartition(accountId), sort);
    }

    /**
     * The keys of {@code before}'s directory entries that {@code after}'s directory does not have (all of them when
     * {@code after} is null: the record goes).
     */
    public static List<Map<String, AttributeValue>> staleDirectoryKeys(ClientRecord before, ClientRecord after) {
        Set<String> fresh = new java.util.HashSet<>();
        if (after != null) {
            directory(after).forEach(i -> fresh.add(DynamoTable.keyString(i)));
        }
        return directoryKeys(before).stream().filter(k -> !fresh.contains(DynamoTable.keyString(k))).toList();
    }

    /** The booking id a client's link names. */
    public static String linkedBookingId(Map<String, AttributeValue> link) {
        return Attr.str(link, "bookingId");
    }

    /** Whether a name-order entry read under {@code prefix} (the name and "#") is of exactly that name. */
    public static boolean exactlyNamed(Map<String, AttributeValue> entry, String prefix) {
        return Attr.str(entry, Attr.SK).substring(prefix.length()).indexOf('#') < 0;
    }

    public static List<Map<String, AttributeValue>> directoryKeys(ClientRecord c) {
        return directory(c).stream().map(i -> Map.of(Attr.PK, i.get(Attr.PK), Attr.SK, i.get(Attr.SK))).toList();
    }

    private static Map<String, AttributeValue> directoryItem(ClientRecord c, String sort, Set<String> tokens) {
        Map<String, AttributeValue> item = new HashMap<>(Attr.key(directoryPartition(c.accountId()), sort));
        item.put(Attr.TYPE, Attr.s("ClientDirectory"));
        item.put("clientId", Attr.s(c.id()));
        put(item, "firstName", c.firstName());
        put(item, "lastName", c.lastName());
        item.put("tokens", AttributeValue.fromL(tokens.stream().map(Attr::s).toList()));
        return item;
    }

    /** A directory entry as read back: who, and the tokens of all their names. */
    public record Entry(String clientId, String firstName, String lastName, String token, List<String> tokens) {
    }

    public static Entry entry(Map<String, AttributeValue> item) {
        String sort = Attr.str(item, Attr.SK);
        String token = sort.startsWith(TOKEN_PREFIX) ? sort.substring(TOKEN_PREFIX.length(), sort.lastIndexOf('#')) : null;
        AttributeValue tokens = item.get("tokens");
        return new Entry(Attr.str(item, "clientId"), Attr.str(item, "firstName"), Attr.str(item, "lastName"), token,
                tokens == null || !tokens.hasL() ? List.of() : tokens.l().stream().map(AttributeValue::s).toList());
    }

    private static void put(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, Attr.s(value));
        }
    }
}
