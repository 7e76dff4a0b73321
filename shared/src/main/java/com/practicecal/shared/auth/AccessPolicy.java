package com.practicecal.shared.auth;

import com.practicecal.shared.account.AccountItem;
import com.practicecal.shared.account.Membership;
import com.practicecal.shared.grant.Grant;
import com.practicecal.shared.grant.GrantItem;
import com.practicecal.shared.plan.Plan;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.Snapshot;
import com.practicecal.shared.store.Transaction;
import com.practicecal.shared.store.TxTag;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import com.practicecal.shared.account.Role;
import com.practicecal.shared.account.UserItem;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.ForbiddenException;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.event.Actor;
import com.practicecal.shared.event.Events;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * The one place that decides what a caller may do with an account's resources. Decisions are made from stored
 * membership read in the same request (never cached), so a revoked permission ends with the next request.
 */
@Singleton
public class AccessPolicy {
    private final MainTable table;
    private final Clock clock;

    /**
     * Who {@link Principal#PRIMING} is before the snapshot: the owner (plan XL, so no route stops at the plan) of an
     * account no item belongs to. Its reads run the whole path of a route and find nothing; priming calls only GET
     * routes, so it writes nothing.
     */
    public static final Membership PRIMING_MEMBERSHIP = new Membership(Principal.PRIMING.userId(),
            Principal.PRIMING.userId(), Role.OWNER, com.practicecal.shared.plan.Plan.XL,
            java.time.ZoneId.of("Europe/Berlin"));

    public AccessPolicy(MainTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    /** Now, by the clock every service uses (grant expiry is decided by it, in the guard and in the write). */
    public Instant now() {
        return clock.instant();
    }

    /** For requests whose first read is the caller alone: their membership, from their user item (one call). */
    public Membership caller(Principal principal) {
        return membership(principal, table.read(List.of(UserItem.key(principal.userId()))));
    }

    /** {@link #caller} for owner-only actions. */
    public Membership owner(Principal principal) {
        Membership membership = caller(principal);
        requireOwner(membership);
        return membership;
    }

    /** {@link #caller} for work on the caller's own account that needs {@code scope} (see the batch variant). */
    public Membership member(Principal principal, String scope) {
        Membership membership = caller(principal);
        requireScope(membership, scope);
        return membership;
    }

    /**
     * The caller's membership, read as part of the request's first batch read. A staff member's calendar community
     * is their practice's, now: taken from the account item (from the snapshot if it is there, else read), never
     * from a copy, so joining, leaving or removal of the practice applies to its staff with their next request.
     */
    public Membership membership(Principal principal, Snapshot snapshot) {
        Membership membership = snapshot.get(UserItem.key(principal.userId()), UserItem::fromItem).orElse(null);
        if (membership == null) {
            if (principal == Principal.PRIMING) { // identity: a token's sub never yields this instance
                return PRIMING_MEMBERSHIP;
            }
            throw new NotFoundException(ErrorCodes.ACCOUNT_NOT_FOUND, "no practice account belongs to this user");
        }
        if (membership.role() != Role.STAFF) {
            return membership;
        }
        var accountKey = AccountItem.key(membership.accountId());
        Snapshot account = snapshot.contains(accountKey) ? snapshot : table.read(List.of(accountKey));
        return membership.withCommunity(account.get(accountKey, AccountItem::communityId).orElse(null));
    }

    /**
     * The caller's own account for work that needs {@code scope}: its owner always; staff only with the scope
     * and while the plan allows staff (a downgrade below XL ends staff access at once).
     */
    public Membership member(Principal principal, Snapshot snapshot, String scope) {
        Membership membership = membership(principal, snapshot);
        requireScope(membership, scope);
        return membership;
    }

    public void requireScope(Membership membership, String scope) {
        if (membership.role() == Role.OWNER) {
            return;
        }
        if (membership.role() != Role.STAFF) {
            throw new ForbiddenException(ErrorCodes.FORBIDDEN, "not allowed");
        }
        if (!membership.plan().allowsStaff()) {
            throw new ForbiddenException(ErrorCodes.PLAN_REQUIRED, "staff access needs plan XL");
        }
        if (!membership.scopes().contains(scope)) {
            throw new ForbiddenException(ErrorCodes.MISSING_SCOPE, "your role lacks the scope " + scope);
        }
    }

    /** The transaction tag of {@link #guardStaff}'s condition check. */
    public static final TxTag STAFF_TAG = UserItem.STAFF_TAG;
    /** Still staff of this account, with the scope, on a plan that allows staff: checked when the write commits. */
    static final String STILL_STAFF = "#account = :account AND #role = :staff AND contains(#scopes, :scope)"
            + " AND #plan IN (:plans)";

    /**
     * A staff member's write commits only if they are still staff of the account with {@code scope} when it commits:
     * a removal, a downscoping or a plan downgrade that lands while the write is in flight cancels it (tag
     * {@link #STAFF_TAG}). Owners' writes get no check.
     */
    public void guardStaff(Transaction tx, Membership membership, String scope) {
        if (membership.role() != Role.STAFF) {
            return;
        }
        String plans = java.util.Arrays.stream(Plan.values()).filter(Plan::allowsStaff)
                .map(p -> ":plan" + p.name()).collect(java.util.stream.Collectors.joining(", "));
        Condition stillStaff = Condition.of(STILL_STAFF.replace(":plans", plans))
                .name("#account", UserItem.ACCOUNT).name("#role", UserItem.ROLE).name("#scopes", UserItem.SCOPES)
                .name("#plan", UserItem.PLAN)
                .value(":account", membership.accountId()).value(":staff", Role.STAFF.name()).value(":scope", scope);
        for (Plan plan : Plan.values()) {
            if (plan.allowsStaff()) {
                stillStaff = stillStaff.value(":plan" + plan.name(), plan.name());
            }
        }
        tx.check(STAFF_TAG, UserItem.key(membership.userId()), stillStaff);
    }

    /** Owner-only actions (plan, settings). */
    public void requireOwner(Membership membership) {
        if (membership.role() != Role.OWNER) {
            throw new ForbiddenException(ErrorCodes.FORBIDDEN, "only the account owner may do this");
        }
    }

    /**
     * A resource of another account is reported as absent (404), so callers learn nothing about accounts they
     * have no relation to.
     */
    public void requireSameAccount(Membership membership, String resourceAccountId) {
        if (!membership.accountId().equals(resourceAccountId)) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "not found");
        }
    }

    public void requirePlanAllowsDelegation(Membership membership) {
        if (!membership.plan().allowsDelegation()) {
            throw new ForbiddenException(ErrorCodes.PLAN_REQUIRED,
                    "booking into a colleague's calendar needs plan L or XL (current plan " + membership.plan() + ")");
        }
    }

    /**
     * A grantee working in another account's calendar, decided from the grant read in the same request: no grant,
     * a revoked or expired one, or a plan without delegation means no relation (404); a missing scope is a 403
     * naming it.
     */
    public Membership delegated(Principal principal, String accountId, String scope, Snapshot snapshot) {
        Membership own = membership(principal, snapshot); // the caller must be a user of some practice
        if (own.accountId().equals(accountId) && own.role() == Role.OWNER) {
            return own; // owners may use the delegated routes on their own calendar too
        }
        Grant grant = snapshot.get(GrantItem.key(accountId, principal.userId()), GrantItem::fromItem).orElse(null);
        AccountItem.Standing account = snapshot.get(AccountItem.key(accountId), AccountItem::standing).orElse(null);
        if (grant == null || account == null) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "not found");
        }
        if (!grant.activeAt(clock.instant()) || !account.plan().allowsDelegation()) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "not found");
        }
        if (!grant.allows(scope)) {
            throw new ForbiddenException(ErrorCodes.MISSING_SCOPE, "your grant lacks the scope " + scope);
        }
        return new Membership(principal.userId(), accountId, Role.GRANTEE, account.plan(), account.timeZone(),
                account.communityId());
    }

    /** The one place that decides which form of a view (e.g. a booking) the principal may see. */
    public <V extends GranteeProjection<V>> V project(V view, Membership membership) {
        return membership.role() == Role.GRANTEE ? view.forGrantee() : view;
    }

    /** The outbox events of one operation by this caller: {@code new Events(actor(membership), requestId, at)}. */
    public Events events(Membership membership, String requestId, Instant at) {
        return new Events(actor(membership), requestId, at);
    }

    public Actor actor(Membership membership) {
        if (membership.role() == Role.GRANTEE) {
            return Actor.grantee(membership.userId(), membership.accountId());
        }
        if (membership.role() == Role.STAFF) {
            return new Actor(membership.userId(), "staff", "staff");
        }
        return Actor.owner(membership.userId());
    }
}
