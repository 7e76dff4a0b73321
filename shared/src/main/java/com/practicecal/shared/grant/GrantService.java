package com.practicecal.shared.grant;

import com.practicecal.shared.account.EmailItem;
import com.practicecal.shared.account.Membership;
import com.practicecal.shared.account.UserItem;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.event.Change;
import com.practicecal.shared.event.Events;
import com.practicecal.shared.event.OutboxItem;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.DynamoTable;
import com.practicecal.shared.store.Expression;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.TransactionFailedException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Owners grant users of other accounts access to their calendar (plan L and above), list and revoke grants. */
@Singleton
public class GrantService {
    static final String ACTIVE_GRANT = "#status = :active";

    private final MainTable table;
    private final AccessPolicy access;
    private final Clock clock;

    public GrantService(MainTable table, AccessPolicy access, Clock clock) {
        this.table = table;
        this.access = access;
        this.clock = clock;
    }

    public GrantView grant(Principal principal, GrantRequest request, String requestId) {
        String email = request.granteeEmail().strip().toLowerCase(java.util.Locale.ROOT);
        var batch = table.batchGet(List.of(UserItem.key(principal.userId()), EmailItem.key(email)));
        Membership me = access.membership(principal, batch);
        access.requireOwner(me);
        access.requirePlanAllowsDelegation(me);
        var grantee = batch.get(DynamoTable.keyString(EmailItem.key(email)));
        if (grantee == null) {
            throw new ValidationException("granteeEmail", "no practice user has this email");
        }
        if (me.accountId().equals(EmailItem.accountId(grantee))) {
            throw new ValidationException("granteeEmail", "grants are for users of other accounts");
        }
        Instant now = clock.instant();
        Instant expiry = request.expiry();
        if (expiry != null && !expiry.isAfter(now)) {
            throw new ValidationException("expiresAt", "must be in the future");
        }
        Grant grant = new Grant(me.accountId(), Attr.str(grantee, "userId"), email, request.scopeSet(), expiry,
                Grant.ACTIVE, now);
        Events events = new Events(access.actor(me), requestId, now);
        table.write(table.transaction()
                .put("grant", GrantItem.toItem(grant), null)
                .put("event", OutboxItem.toItem(events.event(me.accountId(), "grant.created", "grant",
                        grant.granteeUserId(), Map.of("scopes", new Change(null, String.join(",", grant.scopes()))))),
                        null));
        return GrantView.of(grant, now);
    }

    public GrantView.Lists list(Principal principal) {
        Membership me = access.owner(principal);
        Instant now = clock.instant();
        List<GrantView> given = table.query(QueryRequest.builder()
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :grant)")
                        .expressionAttributeNames(Map.of("#pk", Attr.PK, "#sk", Attr.SK))
                        .expressionAttributeValues(Map.of(":pk", GrantItem.key(me.accountId(), "x").get(Attr.PK),
                                ":grant", Attr.s(GrantItem.PREFIX))))
                .items().stream().map(GrantItem::fromItem).map(g -> GrantView.of(g, now)).toList();
        List<GrantView> received = table.query(QueryRequest.builder().indexName(Attr.GSI1)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", Attr.GSI1PK))
                        .expressionAttributeValues(Map.of(":pk", Attr.s(GrantItem.receivedPartition(principal.userId())))))
                .items().stream().map(GrantItem::fromItem).map(g -> GrantView.of(g, now)).toList();
        return new GrantView.Lists(given, received);
    }

    /** Takes effect with the grantee's next request: every delegated request re-reads (and its writes re-check) the grant. */
    public void revoke(Principal principal, String granteeUserId, String requestId) {
        Membership me = access.owner(principal);
        Events events = new Events(access.actor(me), requestId, clock.instant());
        try {
            table.write(table.transaction()
                    .update("grant", GrantItem.key(me.accountId(), granteeUserId), Expression
                            .update("SET #status = :revoked").when(ACTIVE_GRANT).name("#status", GrantItem.STATUS)
                            .value(":revoked", Attr.s(Grant.REVOKED)).value(":active", Attr.s(Grant.ACTIVE)))
                    .put("event", OutboxItem.toItem(events.event(me.accountId(), "grant.revoked", "grant", granteeUserId,
                            Map.of("status", new Change(Grant.ACTIVE, Grant.REVOKED)))), null));
        } catch (TransactionFailedException e) {
            throw new NotFoundException(ErrorCodes.GRANT_NOT_FOUND, "no active grant for this user");
        }
    }

}
