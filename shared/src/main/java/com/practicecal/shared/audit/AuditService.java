package com.practicecal.shared.audit;

import com.practicecal.shared.account.Membership;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.staff.StaffScopes;
import com.practicecal.shared.store.Page;
import com.practicecal.shared.store.Query;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        Query entries = Query.gsi1(AuditItem.listPartition(me.accountId()))
                .sortBetween(query.from().toString(), query.to() + "~")
                .newestFirst().limit(query.limit()).after(query.cursor());
        List<String> filter = new ArrayList<>();
        addFilter(entries, filter, "actorUserId", query.actor());
        addFilter(entries, filter, "action", query.action());
        addFilter(entries, filter, "targetId", query.targetId());
        if (!filter.isEmpty()) {
            entries.filter(String.join(" AND ", filter));
        }
        Page<AuditEntry> page = audit.page(entries, AuditItem::fromItem);
        return new AuditView.Page(page.items(), page.cursor());
    }

    private static void addFilter(Query query, List<String> filter, String attribute, String value) {
        if (value == null) {
            return;
        }
        filter.add("#" + attribute + " = :" + attribute);
        query.name("#" + attribute, attribute).value(":" + attribute, value);
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
        Optional<AuditItem.Position> checkpoint = full ? Optional.empty()
                : audit.get(AuditItem.checkpointKey(me.accountId())).map(AuditItem::checkpointPosition);
        long fromSeq = checkpoint.map(AuditItem.Position::seq).orElse(1L);
        String checkpointHash = checkpoint.map(AuditItem.Position::hash).orElse(null);
        boolean fullWalk = checkpoint.isEmpty();
        long checked = 0;
        long expectedSeq = fromSeq;
        String prevHash = HashChain.GENESIS;
        String lastEventId = null;
        Query walk = Query.partition(AuditItem.ACCOUNT_PREFIX + me.accountId())
                .sortBetween(AuditItem.ENTRY_PREFIX + AuditItem.pad(fromSeq), AuditItem.ENTRY_PREFIX + "~").consistent();
        for (AuditItem.Stored stored : audit.each(walk, AuditItem::stored)) {
            AuditEntry entry = stored.entry();
            if (entry == null) {
                return new AuditView.Verification(false, checked, stored.eventId(), fullWalk, fromSeq);
            }
            String keySeq = stored.keySeq();
            boolean atCheckpoint = checkpointHash != null && entry.seq() == fromSeq && expectedSeq == fromSeq;
            boolean linked = entry.seq() == expectedSeq && AuditItem.pad(entry.seq()).equals(keySeq)
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
        if (checkpointHash != null && lastEventId == null) {
            // the checkpointed entry itself is gone
            return new AuditView.Verification(false, checked, null, fullWalk, fromSeq);
        }
        long headSeq = audit.get(AuditItem.headKey(me.accountId())).map(AuditItem::headPosition)
                .map(AuditItem.Position::seq).orElse(0L);
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
