package com.practicecal.shared.delegation;

import com.practicecal.shared.account.Account;
import com.practicecal.shared.account.AccountItem;
import com.practicecal.shared.grant.Grant;
import com.practicecal.shared.grant.GrantItem;
import com.practicecal.shared.grant.GrantRequest;
import com.practicecal.shared.grant.GrantView;
import com.practicecal.shared.account.EmailItem;
import com.practicecal.shared.account.Membership;
import com.practicecal.shared.account.UserItem;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.event.Actor;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.event.Change;
import com.practicecal.shared.event.Events;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.Query;
import com.practicecal.shared.store.Snapshot;
import com.practicecal.shared.store.TransactionFailedException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Owners offer users of other accounts access to their calendar (plan L and above); the grantee accepts the offer
 * before it takes effect. Grants are listed (given and received, with the same ids) and revoked.
 */
@Singleton
public class GrantService {
    private final MainTable table;
    private final AccessPolicy access;
    private final Clock clock;

    public GrantService(MainTable table, AccessPolicy access, Clock clock) {
        this.table = table;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Offers a grant to the practice user with this confirmed address (only confirmed sign-ups and staff, who proved
     * their address through Cognito's invitation, have one). A new offer to the same user replaces the previous grant
     * and must be accepted again.
     */
    public GrantView grant(Principal principal, GrantRequest request, String requestId) {
        String email = request.normalizedEmail();
        Snapshot read = table.read(List.of(UserItem.key(principal.userId()), EmailItem.key(email)));
        Membership me = access.membership(principal, read);
        access.requireOwner(me);
        access.requirePlanAllowsDelegation(me);
        EmailItem.Owner grantee = read.get(EmailItem.key(email), EmailItem::owner)
                .orElseThrow(() -> new ValidationException("granteeEmail", "no practice user has confirmed this email"));
        if (me.accountId().equals(grantee.accountId())) {
            throw new ValidationException("granteeEmail", "grants are for users of other accounts");
        }
        Instant now = clock.instant();
        Instant expiry = request.expiry();
        if (expiry != null && !expiry.isAfter(now)) {
            throw new ValidationException("expiresAt", "must be in the future");
        }
        Grant grant = new Grant(UUID.randomUUID().toString(), me.accountId(), grantee.userId(), email,
                request.scopeSet(), expiry, Grant.OFFERED, now, null);
        Events events = access.events(me, requestId, now);
        table.write(table.transaction()
                .put(GrantItem.TAG, GrantItem.toItem(grant), null)
                .with(events.emit(me.accountId(), "grant.created", "grant",
                        grant.id(), Map.of("scopes", new Change(null, String.join(",", grant.scopes())),
                                "status", new Change(null, Grant.OFFERED)))));
        return GrantView.of(grant, now);
    }

    /** Given and received grants, each with the granting practice's name and time zone (one batch read). */
    public GrantView.Lists list(Principal principal) {
        Membership me = access.owner(principal);
        Instant now = clock.instant();
        List<Grant> given = given(me.accountId());
        List<Grant> received = received(principal.userId());
        Map<String, Account> grantors = grantors(given, received);
        return new GrantView.Lists(
                given.stream().map(g -> GrantView.of(g, grantors.get(g.grantorAccountId()), now)).toList(),
                received.stream().map(g -> GrantView.of(g, grantors.get(g.grantorAccountId()), now)).toList());
    }

    @SafeVarargs
    private Map<String, Account> grantors(List<Grant>... lists) {
        Set<String> ids = new TreeSet<>();
        for (List<Grant> list : lists) {
            list.forEach(g -> ids.add(g.grantorAccountId()));
        }
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Account> accounts = new HashMap<>();
        table.readAll(ids.stream().map(AccountItem::key).toList()).all(AccountItem::ifAccount).stream()
                .flatMap(java.util.Optional::stream).forEach(a -> accounts.put(a.id(), a));
        return accounts;
    }

    /** The grants the account gave (one call, as listed). */
    private List<Grant> given(String accountId) {
        return table.page(Query.partition(GrantItem.givenPartition(accountId)).sortBeginsWith(GrantItem.PREFIX),
                GrantItem::fromItem).items();
    }

    /** The grants offered to the user (one call, as listed). */
    private List<Grant> received(String userId) {
        return table.page(Query.gsi1(GrantItem.receivedPartition(userId)), GrantItem::fromItem).items();
    }

    /**
     * The grantee accepts an offer made to them: from then on the grant works (read and write guards require
     * {@code ACTIVE}). Accepting an active grant again is a no-op; anything else is 404.
     */
    public GrantView accept(Principal principal, String grantId, String requestId) {
        Membership me = access.owner(principal); // the practice user the confirmed address belongs to
        Instant now = clock.instant();
        Grant offer = received(me.userId()).stream().filter(g -> g.id().equals(grantId))
                .findFirst().orElseThrow(() -> new NotFoundException(ErrorCodes.GRANT_NOT_FOUND, "no such grant offer"));
        if (Grant.ACTIVE.equals(offer.status()) && !offer.expiredAt(now)) {
            return GrantView.of(offer, now);
        }
        if (!Grant.OFFERED.equals(offer.status()) || offer.expiredAt(now)) {
            throw new NotFoundException(ErrorCodes.GRANT_NOT_FOUND, "the offer is no longer open");
        }
        Events events = new Events(Actor.grantee(me.userId(), offer.grantorAccountId()), requestId, now);
        try {
            table.write(table.transaction()
                    .update(GrantItem.TAG, GrantItem.key(offer.grantorAccountId(), me.userId()),
                            GrantItem.accept(grantId, now))
                    .with(events.emit(offer.grantorAccountId(), "grant.accepted", "grant",
                            grantId, Map.of("status", new Change(Grant.OFFERED, Grant.ACTIVE)))));
        } catch (TransactionFailedException e) {
            throw new NotFoundException(ErrorCodes.GRANT_NOT_FOUND, "the offer changed or closed meanwhile");
        }
        return GrantView.of(new Grant(offer.id(), offer.grantorAccountId(), offer.granteeUserId(), offer.granteeEmail(),
                offer.scopes(), offer.expiresAt(), Grant.ACTIVE, offer.createdAt(), now), now);
    }

    /**
     * The grantee turns an offer down: it gives no access and leaves the lists' open entries; the grantor sees it
     * declined and may offer again. Declining an already declined offer is a no-op; anything else is 404.
     */
    public GrantView decline(Principal principal, String grantId, String requestId) {
        Membership me = access.owner(principal);
        Instant now = clock.instant();
        Grant offer = received(me.userId()).stream().filter(g -> g.id().equals(grantId))
                .findFirst().orElseThrow(() -> new NotFoundException(ErrorCodes.GRANT_NOT_FOUND, "no such grant offer"));
        Account grantor = grantors(List.of(offer)).get(offer.grantorAccountId());
        if (Grant.DECLINED.equals(offer.status())) {
            return GrantView.of(offer, grantor, now);
        }
        if (!Grant.OFFERED.equals(offer.status()) || offer.expiredAt(now)) {
            throw new NotFoundException(ErrorCodes.GRANT_NOT_FOUND, "the offer is no longer open");
        }
        Events events = new Events(Actor.grantee(me.userId(), offer.grantorAccountId()), requestId, now);
        try {
            table.write(table.transaction()
                    .update(GrantItem.TAG, GrantItem.key(offer.grantorAccountId(), me.userId()),
                            GrantItem.decline(grantId, now))
                    .with(events.emit(offer.grantorAccountId(), "grant.declined", "grant",
                            grantId, Map.of("status", new Change(Grant.OFFERED, Grant.DECLINED)))));
        } catch (TransactionFailedException e) {
            throw new NotFoundException(ErrorCodes.GRANT_NOT_FOUND, "the offer changed or closed meanwhile");
        }
        return GrantView.of(new Grant(offer.id(), offer.grantorAccountId(), offer.granteeUserId(), offer.granteeEmail(),
                offer.scopes(), offer.expiresAt(), Grant.DECLINED, offer.createdAt(), null), grantor, now);
    }

    /**
     * Revokes an offer or a grant, named by its id or (as before grant ids existed) by the grantee's user id. Takes
     * effect with the grantee's next request: every delegated request re-reads (and its writes re-check) the grant.
     */
    public void revoke(Principal principal, String id, String requestId) {
        Membership me = access.owner(principal);
        Grant grant = given(me.accountId()).stream()
                .filter(g -> g.id().equals(id) || g.granteeUserId().equals(id))
                .filter(g -> Grant.ACTIVE.equals(g.status()) || Grant.OFFERED.equals(g.status()))
                .findFirst().orElseThrow(() -> new NotFoundException(ErrorCodes.GRANT_NOT_FOUND, "no open grant"));
        Events events = access.events(me, requestId, clock.instant());
        try {
            table.write(table.transaction()
                    .update(GrantItem.TAG, GrantItem.key(me.accountId(), grant.granteeUserId()), GrantItem.revoke(grant))
                    .with(events.emit(me.accountId(), "grant.revoked", "grant", grant.id(),
                            Map.of("status", new Change(grant.status(), Grant.REVOKED)))));
        } catch (TransactionFailedException e) {
            throw new NotFoundException(ErrorCodes.GRANT_NOT_FOUND, "no open grant");
        }
    }
}
