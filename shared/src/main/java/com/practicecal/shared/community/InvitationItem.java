package com.practicecal.shared.community;

import com.practicecal.shared.validation.Check;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Expression;
import com.practicecal.shared.store.TxTag;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Storage form of {@link Invitation}: PK {@code INVITATION#<id>}, SK {@code INVITATION}, listed for the inviting
 * account through GSI1 ({@code ACCOUNT#<id>#INVITATIONS}); the invitee finds it through a pointer item
 * PK {@code INVITEE#<email>}, SK {@code INVITATION#<id>} written in the same transaction.
 */
public final class InvitationItem {
    /** Transaction tag of an invitation. */
    public static final TxTag TAG = TxTag.of("invitation");
    /** Transaction tag of an invitee's pointer to an invitation. */
    public static final TxTag POINTER_TAG = TxTag.of("pointer");
    public static final String PREFIX = "INVITATION#";
    public static final String SORT = "INVITATION";
    public static final String INVITEE_PREFIX = "INVITEE#";
    public static final String STATUS = "invitationStatus";
    public static final String EXPIRES = "expiresAtIso";

    private InvitationItem() {
    }

    /** The invitation is still pending and not expired. */
    public static final String PENDING_AND_VALID = "#status = :pending AND #expires > :now";

    /** The invitee accepts at {@code now}, while the invitation is pending and valid. */
    public static Expression accept(Instant now) {
        return pendingAndValid(Expression.update("SET #status = :accepted").value(":accepted", Attr.s(Invitation.ACCEPTED)), now);
    }

    /** The invitee declines at {@code now}, while the invitation is pending and valid. */
    public static Expression decline(Instant now) {
        return pendingAndValid(Expression.update("SET #status = :declined").value(":declined", Attr.s(Invitation.DECLINED)), now);
    }

    private static Expression pendingAndValid(Expression update, Instant now) {
        return update.when(PENDING_AND_VALID).name("#status", STATUS).name("#expires", EXPIRES)
                .value(":pending", Attr.s(Invitation.PENDING)).value(":now", Attr.s(now.toString()));
    }

    public static Map<String, AttributeValue> key(String id) {
        return Attr.key(PREFIX + id, SORT);
    }

    public static Map<String, AttributeValue> pointerKey(String email, String id) {
        return Attr.key(INVITEE_PREFIX + Check.emailKey(email), PREFIX + id);
    }

    /** The partition of the pointers to the invitations sent to this address. */
    public static String inviteePartition(String email) {
        return INVITEE_PREFIX + Check.emailKey(email);
    }

    /** The invitation a pointer points at. */
    public static String pointedInvitationId(Map<String, AttributeValue> pointer) {
        return Attr.str(pointer, "invitationId");
    }

    public static String outgoingPartition(String accountId) {
        return "ACCOUNT#" + accountId + "#INVITATIONS";
    }

    public static Map<String, AttributeValue> toItem(Invitation invitation) {
        Map<String, AttributeValue> item = new HashMap<>(key(invitation.id()));
        item.put(Attr.TYPE, Attr.s("Invitation"));
        item.put("invitationId", Attr.s(invitation.id()));
        item.put("communityId", Attr.s(invitation.communityId()));
        item.put("inviterAccountId", Attr.s(invitation.inviterAccountId()));
        item.put("inviterName", Attr.s(invitation.inviterName()));
        item.put("inviteeEmail", Attr.s(invitation.inviteeEmail()));
        item.put(STATUS, Attr.s(invitation.status()));
        item.put("createdAt", Attr.s(invitation.createdAt().toString()));
        item.put(EXPIRES, Attr.s(invitation.expiresAt().toString()));
        item.put(Attr.GSI1PK, Attr.s(outgoingPartition(invitation.inviterAccountId())));
        item.put(Attr.GSI1SK, Attr.s(invitation.createdAt() + "#" + invitation.id()));
        return item;
    }

    public static Map<String, AttributeValue> pointer(Invitation invitation) {
        Map<String, AttributeValue> item = new HashMap<>(pointerKey(invitation.inviteeEmail(), invitation.id()));
        item.put(Attr.TYPE, Attr.s("InvitationPointer"));
        item.put("invitationId", Attr.s(invitation.id()));
        return item;
    }

    public static Invitation fromItem(Map<String, AttributeValue> item) {
        return new Invitation(Attr.str(item, "invitationId"), Attr.str(item, "communityId"),
                Attr.str(item, "inviterAccountId"), Attr.str(item, "inviterName"), Attr.str(item, "inviteeEmail"),
                Attr.str(item, STATUS), Instant.parse(Attr.str(item, "createdAt")), Instant.parse(Attr.str(item, EXPIRES)));
    }
}
