package com.practicecal.shared.booking;

import com.practicecal.shared.account.AccountItem;
import com.practicecal.shared.account.Membership;
import com.practicecal.shared.account.Role;
import com.practicecal.shared.account.UserItem;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.event.Actor;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.Keys;
import com.practicecal.shared.store.Snapshot;
import com.practicecal.shared.store.Transaction;
import com.practicecal.shared.grant.Grant;
import com.practicecal.shared.grant.GrantItem;
import com.practicecal.shared.staff.StaffScopes;
import java.util.Map;
import java.util.Optional;

/**
 * Who a booking operation acts for, resolved from the operation's first batch read (so resolving costs no extra
 * call): a logged-in user through their membership, or a client of the public booking API acting in a
 * therapist's calendar through the account itself.
 */
public interface BookingCaller {
    /** The items whose read tells who the caller is; part of the operation's first batch. */
    Keys identityKeys();

    Membership resolve(Snapshot read);

    Actor actor(Membership membership);

    /** The scope of Idempotency-Key values: a user, or the public API of one therapist. */
    String idempotencyScope();

    /** The membership this caller resolved to in its latest read, where the caller keeps it (delegated callers). */
    default Optional<Membership> resolved() {
        return Optional.empty();
    }

    /** Conditions the caller's permission adds to the write, so it holds when the transaction commits. */
    default void guard(Transaction tx, Membership membership) {
    }

    /**
     * A user of another practice working in {@code accountId}'s calendar under a grant with {@code scope}; the
     * write re-checks the grant, so a revoke wins over any request that has not committed yet.
     */
    static BookingCaller delegated(Principal principal, String accountId, String scope, AccessPolicy access) {
        return new BookingCaller() {
            private volatile Membership last;

            public Optional<Membership> resolved() {
                return Optional.ofNullable(last);
            }

            public Keys identityKeys() {
                return Keys.of(UserItem.key(principal.userId()), GrantItem.key(accountId, principal.userId()),
                        AccountItem.key(accountId));
            }

            public Membership resolve(Snapshot read) {
                last = access.delegated(principal, accountId, scope, read);
                return last;
            }

            public Actor actor(Membership membership) {
                return access.actor(membership);
            }

            public String idempotencyScope() {
                return principal.userId() + "@" + accountId;
            }

            @Override
            public void guard(Transaction tx, Membership membership) {
                if (membership.role() != Role.GRANTEE) {
                    return; // the account's owner on its own calendar: no grant involved
                }
                tx.check(GrantItem.TAG, GrantItem.key(accountId, principal.userId()), new Condition(STILL_GRANTED,
                        Map.of("#status", GrantItem.STATUS, "#scopes", "scopes", "#expires", GrantItem.EXPIRES_EPOCH),
                        Map.of(":active", Attr.s(Grant.ACTIVE), ":scope", Attr.s(Grant.WRITE),
                                ":now", Attr.n(access.now().getEpochSecond()))));
            }
        };
    }

    /** The user id a public client's membership carries. */
    String PUBLIC_USER = "public";

    /** Accepted, not revoked, with the write scope and not expired when the transaction commits. */
    String STILL_GRANTED = "#status = :active AND contains(#scopes, :scope)"
            + " AND (attribute_not_exists(#expires) OR #expires > :now)";

    static BookingCaller user(Principal principal, AccessPolicy access) {
        return new BookingCaller() {
            public Keys identityKeys() {
                return Keys.of(UserItem.key(principal.userId()));
            }

            public Membership resolve(Snapshot read) {
                return access.member(principal, read, StaffScopes.APPOINTMENTS);
            }

            public Actor actor(Membership membership) {
                return access.actor(membership);
            }

            public String idempotencyScope() {
                return principal.userId();
            }

            @Override
            public void guard(Transaction tx, Membership membership) {
                access.guardStaff(tx, membership, StaffScopes.APPOINTMENTS); // removal in flight: no commit
            }
        };
    }

    /** A client without login, booking into the therapist's (account's) calendar through the public API. */
    static BookingCaller publicClient(String accountId) {
        return new BookingCaller() {
            public Keys identityKeys() {
                return Keys.of(AccountItem.key(accountId));
            }

            public Membership resolve(Snapshot read) {
                AccountItem.Standing account = read.get(AccountItem.key(accountId), AccountItem::standing)
                        .orElseThrow(() -> new NotFoundException(ErrorCodes.NOT_FOUND, "therapist not found"));
                return new Membership(PUBLIC_USER, accountId, Role.OWNER, account.plan(), account.timeZone(),
                        account.communityId());
            }

            public Actor actor(Membership membership) {
                return Actor.anonymous("public-booking");
            }

            public String idempotencyScope() {
                return "public:" + accountId;
            }
        };
    }
}
