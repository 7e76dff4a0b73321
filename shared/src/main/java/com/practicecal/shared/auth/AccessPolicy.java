package com.practicecal.shared.auth;

import com.practicecal.shared.account.Membership;
import com.practicecal.shared.account.Role;
import com.practicecal.shared.account.UserItem;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.ForbiddenException;
import com.practicecal.shared.error.NotFoundException;
import jakarta.inject.Singleton;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one place that decides what a caller may do with an account's resources. Decisions are made from stored
 * membership read in the same request (never cached), so a revoked permission ends with the next request.
 */
@Singleton
public class AccessPolicy {

    /** The caller's membership, read as part of the request's first batch read. */
    public Membership membership(Principal principal, Map<String, Map<String, AttributeValue>> batch) {
        Map<String, AttributeValue> item = batch.get(com.practicecal.shared.store.DynamoTable.keyString(UserItem.key(principal.userId())));
        if (item == null) {
            throw new NotFoundException(ErrorCodes.ACCOUNT_NOT_FOUND, "no practice account belongs to this user");
        }
        return UserItem.fromItem(item);
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

    public Actor actor(Membership membership) {
        return Actor.owner(membership.userId());
    }
}
