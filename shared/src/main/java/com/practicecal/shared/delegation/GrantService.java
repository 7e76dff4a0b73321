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
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.DynamoTable;
import com.practicecal.shared.store.Expression;
import com.practicecal.shared.store.MainTable;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Owners offer users of other accounts access to their calendar (plan L and above); the grantee accepts the offer
 * before it takes effect. Grants are listed (given and received, with the same ids) and revoked.
 */
@Singleton
public class GrantService {
    /** The offer being accepted is still this one, still open and not expired. */
    static final String OPEN_OFFER = "#id = :id AND #status = :offered"
            + " AND (attribute_not_exists(#expires) OR #expires > :now)";
    static final String REVOCABLE = "#status IN (:active, :offered)";

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
        var batch = table.batchGet(List.of(UserItem.key(principal.userId()), EmailItem.key(email)));
        Membership me = access.membership(principal, batch);
        access.requireOwner(me);
        access.requirePlanAllowsDelegation(me);
        var grantee = batch.get(DynamoTable.keyString(EmailItem.key(email)));
        if (grantee == null) {
            throw new ValidationException("granteeEmail", "no practice user has confirmed this email");
        }
        if (me.accountId().equals(EmailItem.accountId(grantee))) {
            throw new ValidationException("granteeEmail", "grants are for users of other accounts");
        }
        Instant now = clock.instant();
        Instant expiry = request.expiry();
        if (expiry != null && !expiry.isAfter(now)) {
            throw new ValidationException("expiresAt", "must be in the future");
        }
        Grant grant = new Grant(UUID.randomUUID().toString(), me.accountId(), Attr.str(grantee, "userId"), email,
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
        List<Grant> given = given(me.accountId()).stream().map(GrantItem::fromItem).toList();
        List<Grant> received = received(principal.userId()).stream().map(GrantItem::fromItem).toList();
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
        table.batchGetAll(ids.stream().map(AccountItem::key).toList()).values().stream()
                .filter(item -> AccountItem.TYPE.equals(Attr.str(item, Attr.TYPE)))
                .map(AccountItem::fromItem).forEach(a -> accounts.put(a.id(), a));
        return accounts;
    }

    private List<Map<String, AttributeValue>> given(String accountId) {
        return table.query(QueryRequest.builder()
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :grant)")
                .expressionAttributeNames(Map.of("#pk", Attr.PK, "#sk", Attr.SK))
                .expressionAttributeValues(Map.of(":pk", GrantItem.key(accountId, "x").get(Attr.PK),
                        ":grant", Attr.s(GrantItem.PREFIX)))).items();
    }

    private List<Map<String, AttributeValue>> received(String userId) {
        return table.query(QueryRequest.builder().indexName(Attr.GSI1)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Attr.GSI1PK))
                .expressionAttributeValues(Map.of(":pk", Attr.s(GrantItem.receivedPartition(userId))))).items();
    }

    /**
     * The grantee accepts an offer made to them: from then on the grant works (read and write guards require
     * {@code ACTIVE}). Accepting an active grant again is a no-op; anything else is 404.
     */
    public GrantView accept(Principal principal, String grantId, String requestId) {
        Membership me = access.owner(principal); // the practice user the confirmed address belongs to
        Instant now = clock.instant();
        Grant offer = received(me.userId()).stream().map(GrantItem::fromItem).filter(g -> g.id().equals(grantId))
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
                    .update(GrantItem.TAG, GrantItem.key(offer.grantorAccountId(), me.userId()), Expression
                            .update("SET #status = :active, #accepted = :now_iso").when(OPEN_OFFER)
                            .name("#id", GrantItem.ID).name("#status", GrantItem.STATUS)
                            .name("#expires", GrantItem.EXPIRES_EPOCH).name("#accepted", "acceptedAt")
                            .value(":id", Attr.s(grantId)).value(":offered", Attr.s(Grant.OFFERED))
                            .value(":active", Attr.s(Grant.ACTIVE)).value(":now", Attr.n(now.getEpochSecond()))
                            .value(":now_iso", Attr.s(now.toString())))
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
        Grant offer = received(me.userId()).stream().map(GrantItem::fromItem).filter(g -> g.id().equals(grantId))
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
                    .update(GrantItem.TAG, GrantItem.key(offer.grantorAccountId(), me.userId()), Expression
                            .update("SET #status = :declined").when(OPEN_OFFER)
                            .name("#id", GrantItem.ID).name("#status", GrantItem.STATUS)
                            .name("#expires", GrantItem.EXPIRES_EPOCH)
                            .value(":id", Attr.s(grantId)).value(":offered", Attr.s(Grant.OFFERED))
                            .value(":declined", Attr.s(Grant.DECLINED)).value(":now", Attr.n(now.getEpochSecond())))
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
        Grant grant = given(me.accountId()).stream().map(GrantItem::fromItem)
                .filter(g -> g.id().equals(id) || g.granteeUserId().equals(id))
                .filter(g -> Grant.ACTIVE.equals(g.status()) || Grant.OFFERED.equals(g.status()))
                .findFirst().orElseThrow(() -> new NotFoundException(ErrorCodes.GRANT_NOT_FOUND, "no open grant"));
        Events events = access.events(me, requestId, clock.instant());
        try {
            table.write(table.transaction()
                    .update(GrantItem.TAG, GrantItem.key(me.accountId(), grant.granteeUserId()), Expression
                            .update("SET #status = :revoked").when(REVOCABLE + " AND " + sameGrant(grant))
                            .name("#status", GrantItem.STATUS).name("#id", GrantItem.ID)
                            .value(":revoked", Attr.s(Grant.REVOKED)).value(":active", Attr.s(Grant.ACTIVE))
                            .value(":offered", Attr.s(Grant.OFFERED)).value(":id", Attr.s(grant.id())))
                    .with(events.emit(me.accountId(), "grant.revoked", "grant", grant.id(),
                            Map.of("status", new Change(grant.status(), Grant.REVOKED)))));
        } catch (TransactionFailedException e) {
            throw new NotFoundException(ErrorCodes.GRANT_NOT_FOUND, "no open grant");
        }
    }

    /** Grants stored before grant ids existed carry none (their id is the grantee's user id). */
    private static String sameGrant(Grant grant) {
        return grant.id().equals(grant.granteeUserId()) ? "(attribute_not_exists(#id) OR #id = :id)" : "#id = :id";
    }
}
