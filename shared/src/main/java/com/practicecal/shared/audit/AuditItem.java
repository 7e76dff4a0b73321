package com.practicecal.shared.audit;

import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Expression;
import com.practicecal.shared.store.TxTag;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Storage in the audit table. Entries: PK {@code ACCOUNT#<id>}, SK {@code ENTRY#<seq>} (zero-padded, commit
 * order), listed newest first through GSI1 ({@code AUDIT#<id>}, {@code <at>#<seq>}). The chain head
 * ({@code HEAD}) holds the last seq and hash; a marker {@code EVENT#<eventId>} makes writes idempotent.
 */
public final class AuditItem {
    /** Transaction tag of the chain head. */
    public static final TxTag HEAD_TAG = TxTag.of("head");
    /** Transaction tag of an audit entry. */
    public static final TxTag ENTRY_TAG = TxTag.of("entry");
    /** Transaction tag of an event's marker. */
    public static final TxTag MARKER_TAG = TxTag.of("marker");
    public static final String ACCOUNT_PREFIX = "ACCOUNT#";
    public static final String ENTRY_PREFIX = "ENTRY#";
    public static final String HEAD = "HEAD";
    public static final String EVENT_PREFIX = "EVENT#";
    public static final String CHECKPOINT_PREFIX = "CHECKPOINT#";
    public static final String ENTRY = "entry";
    public static final String SEQ = "seq";
    public static final String HASH = "hash";

    private AuditItem() {
    }

    public static Map<String, AttributeValue> headKey(String accountId) {
        return Attr.key(ACCOUNT_PREFIX + accountId, HEAD);
    }

    public static Map<String, AttributeValue> entryKey(String accountId, long seq) {
        return Attr.key(ACCOUNT_PREFIX + accountId, ENTRY_PREFIX + pad(seq));
    }

    /**
     * The last verified point of an account's chain (seq and hash), written by the audit API after a successful
     * verification: PK {@code CHECKPOINT#<accountId>}, SK {@code CHECKPOINT}. Its own partition prefix lets IAM
     * grant the audit API writes to checkpoints and nothing else ({@code dynamodb:LeadingKeys}).
     */
    public static Map<String, AttributeValue> checkpointKey(String accountId) {
        return Attr.key(CHECKPOINT_PREFIX + accountId, "CHECKPOINT");
    }

    public static Map<String, AttributeValue> markerKey(String eventId) {
        return Attr.key(EVENT_PREFIX + eventId, "EVENT");
    }

    public static String listPartition(String accountId) {
        return "AUDIT#" + accountId;
    }

    public static String pad(long seq) {
        return String.format("%012d", seq);
    }

    public static Map<String, AttributeValue> toItem(AuditEntry entry, Duration retention) {
        Map<String, AttributeValue> item = new HashMap<>(entryKey(entry.accountId(), entry.seq()));
        item.put(Attr.TYPE, Attr.s("AuditEntry"));
        item.put(ENTRY, Attr.s(AuditJson.write(entry)));
        item.put(SEQ, Attr.n(entry.seq()));
        item.put("eventId", Attr.s(entry.eventId()));
        item.put("action", Attr.s(entry.action()));
        item.put("actorUserId", Attr.s(entry.actor().userId()));
        item.put("targetId", Attr.s(entry.target().id()));
        item.put("at", Attr.s(entry.at().toString()));
        item.put(Attr.GSI1PK, Attr.s(listPartition(entry.accountId())));
        item.put(Attr.GSI1SK, Attr.s(entry.at() + "#" + pad(entry.seq())));
        item.put(Attr.EXPIRES_AT, Attr.n(entry.at().plus(retention).getEpochSecond()));
        return item;
    }

    public static AuditEntry fromItem(Map<String, AttributeValue> item) {
        return AuditJson.read(Attr.str(item, ENTRY));
    }

    /** The head is where the append read it ({@code expected}; none yet for the first entry). */
    public static final String HEAD_UNCHANGED = "attribute_not_exists(#seq) OR #seq = :expected";

    /** The chain head moves from {@code expected} to the appended entry. */
    public static Expression advanceHead(long expected, AuditEntry appended) {
        return Expression.update("SET #seq = :seq, #hash = :hash").when(HEAD_UNCHANGED)
                .name("#seq", SEQ).name("#hash", HASH)
                .value(":seq", Attr.n(appended.seq())).value(":hash", Attr.s(appended.hash()))
                .value(":expected", Attr.n(expected));
    }

    /** A point of the chain as the head or a checkpoint stores it: the seq and the hash there. */
    public record Position(long seq, String hash) {
    }

    /** The chain head as stored (seq 0 if it has none). */
    public static Position headPosition(Map<String, AttributeValue> item) {
        return new Position(Attr.num(item, SEQ, 0), Attr.str(item, HASH));
    }

    /** A verification checkpoint as stored (seq 1 if it has none). */
    public static Position checkpointPosition(Map<String, AttributeValue> item) {
        return new Position(Attr.num(item, SEQ, 1), Attr.str(item, HASH));
    }

    /** The checkpoint item after a successful verification up to {@code seq}. */
    public static Map<String, AttributeValue> checkpointItem(String accountId, long seq, String hash, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(checkpointKey(accountId));
        item.put(Attr.TYPE, Attr.s("AuditCheckpoint"));
        item.put(SEQ, Attr.n(seq));
        item.put(HASH, Attr.s(hash));
        item.put("verifiedAt", Attr.s(at.toString()));
        return item;
    }

    /** The marker of an appended event (its redelivery fails the marker's new-item condition). */
    public static Map<String, AttributeValue> markerItem(String eventId, long seq, String accountId) {
        return Map.of(Attr.PK, markerKey(eventId).get(Attr.PK), Attr.SK, markerKey(eventId).get(Attr.SK),
                SEQ, Attr.n(seq), "accountId", Attr.s(accountId));
    }

    /**
     * An entry as the verification walks it: the entry ({@code null} if it cannot be read), its event id as stored
     * and the seq its key carries.
     */
    public record Stored(AuditEntry entry, String eventId, String keySeq) {
    }

    public static Stored stored(Map<String, AttributeValue> item) {
        AuditEntry entry;
        try {
            entry = fromItem(item);
        } catch (RuntimeException unreadable) {
            entry = null;
        }
        String sort = Attr.str(item, Attr.SK);
        return new Stored(entry, Attr.str(item, "eventId"),
                sort == null || !sort.startsWith(ENTRY_PREFIX) ? null : sort.substring(ENTRY_PREFIX.length()));
    }
}
