package com.practicecal.shared.community;

import com.practicecal.shared.account.Account;
import com.practicecal.shared.account.AccountItem;
import com.practicecal.shared.account.Membership;
import com.practicecal.shared.account.UserItem;
import com.practicecal.shared.store.TxTag;
import com.practicecal.shared.validation.Validatable;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.error.ConflictException;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.event.Change;
import com.practicecal.shared.event.Events;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.Query;
import com.practicecal.shared.store.Snapshot;
import com.practicecal.shared.store.Transaction;
import com.practicecal.shared.store.TransactionFailedException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Joining a community by code: an owner issues a single-use code valid for 7 days (founding the community if the
 * practice has none, as the first invitation does); another practice's owner joins with it under the same rules
 * as accepting an invitation (one community per practice, at most {@link CommunityService#MAX_MEMBERS}). The code
 * is marked used in the join's own transaction, conditioned on still being unused and valid, so of two practices
 * racing for one code exactly one joins.
 */
@Singleton
public class JoinCodeService {
    static final TxTag MEMBER_TAG = TxTag.of("member");

    private final MainTable table;
    private final AccessPolicy access;
    private final CommunityService communities;
    private final Clock clock;

    public JoinCodeService(MainTable table, AccessPolicy access, CommunityService communities, Clock clock) {
        this.table = table;
        this.access = access;
        this.communities = communities;
        this.clock = clock;
    }

    /** POST /v1/community/join */
    public record JoinRequest(String code) implements Validatable {
        @Override
        public void validate() {
            JoinCodeItem.normalize(code);
        }
    }

    public record JoinCodeView(String id, String code, Instant expiresAt) {
    }

    /** The owner's list: codes that can still be used, newest first; the code itself only as a hint. */
    public record ActiveCode(String id, String hint, Instant createdAt, Instant expiresAt) {
    }

    public record ActiveCodes(List<ActiveCode> items) {
    }

    public JoinCodeView issue(Principal principal, String requestId) {
        Membership me = access.owner(principal);
        Instant now = clock.instant();
        Events events = access.events(me, requestId, now);
        for (int attempt = 1; ; attempt++) {
            Transaction tx = table.transaction();
            String communityId = me.communityId();
            if (communityId == null) {
                Account account = CommunityService.account(table.read(List.of(AccountItem.key(me.accountId()))),
                        me.accountId());
                communityId = UUID.randomUUID().toString();
                tx.put(CommunityItem.TAG, CommunityItem.newItem(communityId, me.accountId(), account.name(), now),
                        Condition.NEW_ITEM);
                communities.joinItems(tx, me.accountId(), me.userId(), communityId, Set.of());
                tx.with(events.emit(me.accountId(), "community.created", "community",
                        communityId, Map.of()));
            } else {
                tx.check(MEMBER_TAG, AccountItem.key(me.accountId()), AccountItem.inCommunity(communityId));
            }
            String code = JoinCodeItem.newCode();
            Instant validUntil = now.plus(JoinCodeItem.VALIDITY);
            JoinCodeItem.JoinCode issued = new JoinCodeItem.JoinCode(code, communityId, me.accountId(),
                    JoinCodeItem.ISSUED, now, validUntil, null, UUID.randomUUID().toString());
            tx.put(JoinCodeItem.TAG, JoinCodeItem.toItem(issued), Condition.NEW_ITEM);
            tx.put(JoinCodeItem.ENTRY_TAG, JoinCodeItem.entry(issued), Condition.NEW_ITEM);
            // the event names neither the code nor anything it could be guessed from
            tx.with(events.emit(me.accountId(), "community.join_code_issued", "community",
                    communityId, Map.of()));
            try {
                table.write(tx);
                return new JoinCodeView(issued.id(), JoinCodeItem.display(code), validUntil);
            } catch (TransactionFailedException e) {
                if (!e.failed(JoinCodeItem.TAG) || attempt >= 3) {
                    throw new ConflictException(ErrorCodes.CONCURRENT_MODIFICATION, "the account changed meanwhile; retry");
                }
                // a code collision (1 in ~10^12): draw another
            }
        }
    }

    public CommunityViews.CommunityView join(Principal principal, JoinRequest request, String requestId) {
        String code = JoinCodeItem.normalize(request.code());
        Snapshot mine = table.read(List.of(UserItem.key(principal.userId()), JoinCodeItem.key(code)));
        Membership me = access.membership(principal, mine);
        access.requireOwner(me);
        JoinCodeItem.JoinCode joinCode = mine.get(JoinCodeItem.key(code), item -> JoinCodeItem.fromItem(code, item))
                .orElseThrow(() -> new NotFoundException(ErrorCodes.NOT_FOUND, "no such join code"));
        Instant now = clock.instant();
        if (JoinCodeItem.REVOKED.equals(joinCode.status())) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "no such join code"); // as if never issued
        }
        if (!JoinCodeItem.ISSUED.equals(joinCode.status())) {
            throw new ConflictException(ErrorCodes.JOIN_CODE_USED, "this join code was already used");
        }
        if (!joinCode.validUntil().isAfter(now)) {
            throw new ConflictException(ErrorCodes.JOIN_CODE_EXPIRED, "this join code expired on " + joinCode.validUntil());
        }
        if (me.communityId() != null) {
            throw new ConflictException(ErrorCodes.ALREADY_IN_COMMUNITY, "leave your current calendar community first");
        }
        Snapshot read = table.read(List.of(AccountItem.key(me.accountId()), CommunityItem.key(joinCode.communityId())));
        Account account = CommunityService.account(read, me.accountId());
        Community community = read.get(CommunityItem.key(joinCode.communityId()), CommunityItem::fromItem)
                .orElseThrow(() -> new ConflictException(ErrorCodes.INVITATION_CLOSED, "the community no longer exists"));
        if (community.members().size() >= CommunityService.MAX_MEMBERS) {
            throw new ConflictException(ErrorCodes.COMMUNITY_FULL,
                    "a calendar community has at most " + CommunityService.MAX_MEMBERS + " member practices");
        }
        Events events = access.events(me, requestId, now);
        Transaction tx = table.transaction()
                .update(JoinCodeItem.TAG, JoinCodeItem.key(code), JoinCodeItem.use(me.accountId(), now))
                .update(CommunityItem.TAG, CommunityItem.key(community.id()),
                        CommunityItem.addMember(community, me.accountId(), account.name(), now));
        communities.joinItems(tx, me.accountId(), me.userId(), community.id(), community.sharedRooms().keySet());
        if (joinCode.id() != null) { // used: off the issuer's list of active codes
            tx.delete(JoinCodeItem.ENTRY_TAG, JoinCodeItem.entryKey(joinCode.issuerAccountId(), joinCode.id()), null);
        }
        tx.with(events.emit(me.accountId(), "community.joined", "community",
                        community.id(), Map.of("via", new Change(null, "join_code"))))
                .with(events.emit(joinCode.issuerAccountId(), "community.join_code_used",
                        "account", me.accountId(), Map.of()));
        try {
            table.write(tx);
        } catch (TransactionFailedException e) {
            if (e.failed(JoinCodeItem.TAG)) {
                throw new ConflictException(ErrorCodes.JOIN_CODE_USED, "this join code was just used");
            }
            if (e.failed(CommunityItem.TAG) || e.isConflict()) {
                throw new ConflictException(ErrorCodes.CONCURRENT_MODIFICATION, "the community changed meanwhile; retry");
            }
            throw new ConflictException(ErrorCodes.ALREADY_IN_COMMUNITY, "your account joined a community meanwhile");
        }
        return communities.view(principal);
    }

    /** The caller's practice's codes that can still be used (owner). */
    public ActiveCodes active(Principal principal) {
        Membership me = access.owner(principal);
        Instant now = clock.instant();
        List<ActiveCode> items = new java.util.ArrayList<>();
        for (JoinCodeItem.Entry e : table.each(Query.partition(AccountItem.PREFIX + me.accountId())
                .sortBeginsWith(JoinCodeItem.PREFIX).consistent(), JoinCodeItem::entryFromItem)) {
            if (e.validUntil().isAfter(now)) {
                items.add(new ActiveCode(e.id(), e.hint(), e.createdAt(), e.validUntil()));
            }
        }
        items.sort(java.util.Comparator.comparing(ActiveCode::createdAt).reversed());
        return new ActiveCodes(items);
    }

    /**
     * Revokes an unused code of the caller's practice (owner): conditioned on the code still being unused, so of a
     * revocation and a join racing for it exactly one wins. Unknown, used, expired or another practice's: 404.
     */
    public void revoke(Principal principal, String codeId, String requestId) {
        Membership me = access.owner(principal);
        JoinCodeItem.Entry e = table.read(List.of(JoinCodeItem.entryKey(me.accountId(), codeId)))
                .get(JoinCodeItem.entryKey(me.accountId(), codeId), JoinCodeItem::entryFromItem)
                .orElseThrow(() -> new NotFoundException(ErrorCodes.NOT_FOUND, "no such join code"));
        Instant now = clock.instant();
        Events events = access.events(me, requestId, now);
        Transaction tx = table.transaction()
                .update(JoinCodeItem.TAG, JoinCodeItem.key(e.code()), JoinCodeItem.revoke(now))
                .delete(JoinCodeItem.ENTRY_TAG, JoinCodeItem.entryKey(me.accountId(), codeId), null)
                .with(events.emit(me.accountId(), "community.join_code_revoked", "community",
                        me.communityId() == null ? me.accountId() : me.communityId(), Map.of()));
        try {
            table.write(tx);
        } catch (TransactionFailedException failed) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "no such join code"); // used or expired meanwhile
        }
    }
}
