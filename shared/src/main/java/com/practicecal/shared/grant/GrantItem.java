package com.practicecal.shared.grant;

import com.practicecal.shared.account.AccountItem;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Expression;
import com.practicecal.shared.store.TxTag;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Storage form of {@link Grant}: PK {@code ACCOUNT#<grantor>}, SK {@code GRANT#<grantee user>} (one grant per pair;
 * a new offer replaces the previous one and gets a new {@code grantId}) — so a delegated
 * request reads it in its first batch, by keys it already knows; grants received are listed through GSI1
 * ({@code GRANTEE#<user>}).
 */
public final class GrantItem {
    /** Transaction tag of a grant. */
    public static final TxTag TAG = TxTag.of("grant");
    public static final String PREFIX = "GRANT#";
    public static final String STATUS = "grantStatus";
    public static final String ID = "grantId";
    /** Epoch seconds, for the write transactions' condition (not the table's TTL attribute {@code expiresAt}). */
    public static final String EXPIRES_EPOCH = "grantExpiresAtEpoch";

    private GrantItem() {
    }

    public static Map<String, AttributeValue> key(String grantorAccountId, String granteeUserId) {
        return Attr.key(AccountItem.PREFIX + grantorAccountId, PREFIX + granteeUserId);
    }

    /** The partition of the grants an account gave (sort keys {@link #PREFIX} + grantee). */
    public static String givenPartition(String grantorAccountId) {
        return AccountItem.PREFIX + grantorAccountId;
    }

    /** The offer being answered is still this one, still open and not expired. */
    public static final String OPEN_OFFER = "#id = :id AND #status = :offered"
            + " AND (attribute_not_exists(#expires) OR #expires > :now)";
    public static final String REVOCABLE = "#status IN (:active, :offered)";

    /** The grantee accepts the open offer {@code grantId} at {@code now}. */
    public static Expression accept(String grantId, Instant now) {
        return openOffer(Expression.update("SET #status = :active, #accepted = :now_iso"), grantId, now)
                .name("#accepted", "acceptedAt").value(":active", Attr.s(Grant.ACTIVE))
                .value(":now_iso", Attr.s(now.toString()));
    }

    /** The grantee declines the open offer {@code grantId} at {@code now}. */
    public static Expression decline(String grantId, Instant now) {
        return openOffer(Expression.update("SET #status = :declined"), grantId, now)
                .value(":declined", Attr.s(Grant.DECLINED));
    }

    private static Expression openOffer(Expression update, String grantId, Instant now) {
        return update.when(OPEN_OFFER).name("#id", ID).name("#status", STATUS).name("#expires", EXPIRES_EPOCH)
                .value(":id", Attr.s(grantId)).value(":offered", Attr.s(Grant.OFFERED))
                .value(":now", Attr.n(now.getEpochSecond()));
    }

    /** The grantor revokes {@code grant} (an offer or an active grant), if it is still that grant and open. */
    public static Expression revoke(Grant grant) {
        return Expression.update("SET #status = :revoked").when(REVOCABLE + " AND " + sameGrant(grant))
                .name("#status", STATUS).name("#id", ID)
                .value(":revoked", Attr.s(Grant.REVOKED)).value(":active", Attr.s(Grant.ACTIVE))
                .value(":offered", Attr.s(Grant.OFFERED)).value(":id", Attr.s(grant.id()));
    }

    /** Grants stored before grant ids existed carry none (their id is the grantee's user id). */
    private static String sameGrant(Grant grant) {
        return grant.id().equals(grant.granteeUserId()) ? "(attribute_not_exists(#id) OR #id = :id)" : "#id = :id";
    }

    public static String receivedPartition(String granteeUserId) {
        return "GRANTEE#" + granteeUserId;
    }

    public static Map<String, AttributeValue> toItem(Grant grant) {
        Map<String, AttributeValue> item = new HashMap<>(key(grant.grantorAccountId(), grant.granteeUserId()));
        item.put(Attr.TYPE, Attr.s("Grant"));
        item.put(ID, Attr.s(grant.id()));
        item.put("grantorAccountId", Attr.s(grant.grantorAccountId()));
        item.put("granteeUserId", Attr.s(grant.granteeUserId()));
        item.put("granteeEmail", Attr.s(grant.granteeEmail()));
        item.put("scopes", AttributeValue.fromL(grant.scopes().stream().sorted().map(Attr::s).toList()));
        if (grant.expiresAt() != null) {
            item.put("expiresAtIso", Attr.s(grant.expiresAt().toString()));
            item.put(EXPIRES_EPOCH, Attr.n(grant.expiresAt().getEpochSecond()));
        }
        if (grant.acceptedAt() != null) {
            item.put("acceptedAt", Attr.s(grant.acceptedAt().toString()));
        }
        item.put(STATUS, Attr.s(grant.status()));
        item.put("createdAt", Attr.s(grant.createdAt().toString()));
        item.put(Attr.GSI1PK, Attr.s(receivedPartition(grant.granteeUserId())));
        item.put(Attr.GSI1SK, Attr.s(grant.grantorAccountId()));
        return item;
    }

    public static Grant fromItem(Map<String, AttributeValue> item) {
        List<AttributeValue> scopes = item.containsKey("scopes") ? item.get("scopes").l() : List.of();
        String expires = Attr.str(item, "expiresAtIso");
        String accepted = Attr.str(item, "acceptedAt");
        String granteeUserId = Attr.str(item, "granteeUserId");
        String id = Attr.str(item, ID);
        return new Grant(id != null ? id : granteeUserId, Attr.str(item, "grantorAccountId"), granteeUserId,
                Attr.str(item, "granteeEmail"), new TreeSet<>(scopes.stream().map(AttributeValue::s).toList()),
                expires == null ? null : Instant.parse(expires), Attr.str(item, STATUS),
                Instant.parse(Attr.str(item, "createdAt")), accepted == null ? null : Instant.parse(accepted));
    }
}
