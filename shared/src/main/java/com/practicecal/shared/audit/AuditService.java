package com.practicecal.shared.audit;

import com.practicecal.shared.account.Membership;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Cursors;
import com.practicecal.shared.staff.StaffScopes;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Reading the audit log (owner, or staff with the audit scope) and verifying its hash chain. */
@Singleton
public class AuditService {
    private final AuditTable audit;
    private final AccessPolicy access;
    private final java.time.Clock clock;

    public AuditService(AuditTable audit, AccessPolicy access, java.time.Clock clock) {
        this.audit = audit;
        this.access = access;
        this.clock = clock;
    }

    /** Entries newest first, filtered, paginated with an opaque cursor. */
    public AuditView.Page list(Principal principal, AuditQuery query) {
        Membership me = access.member(principal, StaffScopes.AUDIT);
        StringBuilder filter = new StringBuilder();
        Map<String, String> names = new HashMap<>(Map.of("#pk", Attr.GSI1PK, "#sk", Attr.GSI1SK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":pk", Attr.s(AuditItem.listPartition(me.accountId())),
                ":lo", Attr.s(query.from().toString()), ":hi", Attr.s(query.to() + "~")));
        addFilter(filter, names, values, "actorUserId", query.actor());
        addFilter(filter, names, values, "action", query.action());
        addFilter(filter, names, values, "targetId", query.targetId());
        var request = QueryRequest.builder().indexName(Attr.GSI1)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :lo AND :hi")
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .scanIndexForward(false).limit(query.limit());
        if (filter.length() > 0) {
            request.filterExpression(filter.toString());
        }
        if (query.cursor() != null) {
            request.exclusiveStartKey(Cursors.start(query.cursor(), Attr.GSI1PK, AuditItem.listPartition(me.accountId())));
        }
        var response = audit.query(request);
        List<AuditEntry> entries = response.items().stream().map(AuditItem::fromItem).toList();
        return new AuditView.Page(entries, Cursors.next(response));
    }

    private static void addFilter(StringBuilder filter, Map<String, String> names, Map<String, AttributeValue> values,
                                  String attribute, String value) {
        if (value == null) {
            return;
        }
        if (filter.length() > 0) {
            filter.append(" AND ");
        }
        filter.append("#").append(attribute).append(" = :").append(attribute);
        names.put("#" + attribute, attribute);
        values.put(":" + attribute, Attr.s(value));
    }

    /**
     * Recomputes the chain in commit order: each entry's hash must match its content, its prevHash the previous
     * hash, and seqs must be gap-free; when the walk reaches the end, the last seq must be the chain head's (so
     * removed trailing entries are noticed too). {@code checked} counts the verified entries inside the range.
     * <p>
     * Incremental by default: the walk starts at the stored checkpoint (the last verified seq and hash), re-checks
     * that entry against the checkpoint's hash and verifies only what came after it. A tamper before the
     * checkpoint is found by {@code full} (from the first entry). A successful walk moves the checkpoint forward.
     */
    public AuditView.Verification verify(Principal principal, AuditQuery query, boolean full) {
        Membership me = access.member(principal, StaffScopes.AUDIT);
        Optional<Map<String, AttributeValue>> checkpoint = full ? Optional.empty()
                : audit.get(AuditItem.checkpointKey(me.accountId()));
        long fromSeq = checkpoint.map(c -> Attr.num(c, AuditItem.SEQ, 1)).orElse(1L);
        String checkpointHash = checkpoint.map(c -> Attr.str(c, AuditItem.HASH)).orElse(null);
        boolean fullWalk = checkpoint.isEmpty();
        long checked = 0;
        long expectedSeq = fromSeq;
        String prevHash = HashChain.GENESIS;
        String lastEventId = null;
        Map<String, AttributeValue> start = null;
        do {
            var request = QueryRequest.builder().consistentRead(true)
                    .keyConditionExpression("#pk = :pk AND #sk BETWEEN :lo AND :hi")
                    .expressionAttributeNames(Map.of("#pk", Attr.PK, "#sk", Attr.SK))
                    .expressionAttributeValues(Map.of(":pk", Attr.s(AuditItem.ACCOUNT_PREFIX + me.accountId()),
                            ":lo", Attr.s(AuditItem.ENTRY_PREFIX + AuditItem.pad(fromSeq)),
                            ":hi", Attr.s(AuditItem.ENTRY_PREFIX + "~")));
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            var response = audit.query(request);
            for (Map<String, AttributeValue> item : response.items()) {
                AuditEntry entry;
                try {
                    entry = AuditItem.fromItem(item);
                } catch (RuntimeException unreadable) {
                    return new AuditView.Verification(false, checked, Attr.str(item, "eventId"), fullWalk, fromSeq);
                }
                String keySeq = Attr.str(item, Attr.SK).substring(AuditItem.ENTRY_PREFIX.length());
                boolean atCheckpoint = checkpointHash != null && entry.seq() == fromSeq && expectedSeq == fromSeq;
                boolean linked = entry.seq() == expectedSeq && keySeq.equals(AuditItem.pad(entry.seq()))
                        && (atCheckpoint ? checkpointHash.equals(entry.hash()) : prevHash.equals(entry.prevHash()));
                if (!linked || !HashChain.intact(entry)) {
                    return new AuditView.Verification(false, checked, entry.eventId(), fullWalk, fromSeq);
                }
                if (!entry.at().isBefore(query.to())) {
                    remember(me.accountId(), lastEventId == null ? null : prevHash, expectedSeq - 1,
                            checkpointHash == null ? 0 : fromSeq);
                    return new AuditView.Verification(true, checked, null, fullWalk, fromSeq);
                }
                if (!atCheckpoint && !entry.at().isBefore(query.from())) {
                    checked++;
                }
                prevHash = entry.hash();
                expectedSeq++;
                lastEventId = entry.eventId();
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        if (checkpointHash != null && lastEventId == null) {
            // the checkpointed entry itself is gone
            return new AuditView.Verification(false, checked, null, fullWalk, fromSeq);
        }
        long headSeq = audit.get(AuditItem.headKey(me.accountId())).map(h -> Attr.num(h, AuditItem.SEQ, 0)).orElse(0L);
        if (headSeq != expectedSeq - 1) {
            return new AuditView.Verification(false, checked, lastEventId, fullWalk, fromSeq);
        }
        remember(me.accountId(), lastEventId == null ? null : prevHash, expectedSeq - 1,
                checkpointHash == null ? 0 : fromSeq);
        return new AuditView.Verification(true, checked, null, fullWalk, fromSeq);
    }

    /** Moves the checkpoint to the last entry verified, if the walk got past the stored one. */
    private void remember(String accountId, String hash, long seq, long checkpointSeq) {
        if (hash != null && seq > checkpointSeq) {
            audit.saveCheckpoint(accountId, seq, hash, clock.instant());
        }
    }
}
