package com.practicecal.shared.staff;

import com.practicecal.shared.account.EmailItem;
import com.practicecal.shared.account.Membership;
import com.practicecal.shared.account.Role;
import com.practicecal.shared.account.UserItem;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.config.AppSettings;
import com.practicecal.shared.error.ConflictException;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.ForbiddenException;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.event.Change;
import com.practicecal.shared.event.Events;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.Query;
import com.practicecal.shared.store.Snapshot;
import com.practicecal.shared.store.TransactionFailedException;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * Staff accounts (plan XL): the owner invites by email (Cognito sends the invitation with a temporary password),
 * sets a role or scopes, changes and removes them. Removal deletes the membership item, which every request
 * reads, so access ends with the next request; the Cognito user is disabled as well.
 */
@Singleton
@Requires(classes = CognitoIdentityProviderClient.class)
public class StaffService {
    private static final Logger LOG = LoggerFactory.getLogger(StaffService.class);
    /** The role the owner gave, on the member's user item (the scopes decide access; the role is how it reads). */
    static final String STAFF_ROLE = UserItem.STAFF_ROLE;

    private final MainTable table;
    private final AccessPolicy access;
    /** Built when first called (invite, remove; SnapStart priming builds it before the snapshot): listing the staff,
     * the staff page's read, needs no Cognito. */
    private final Provider<CognitoIdentityProviderClient> cognito;
    private final AppSettings settings;
    private final Clock clock;

    public StaffService(MainTable table, AccessPolicy access, Provider<CognitoIdentityProviderClient> cognito,
                        AppSettings settings, Clock clock) {
        this.table = table;
        this.access = access;
        this.cognito = cognito;
        this.settings = settings;
        this.clock = clock;
    }

    public StaffRequests.StaffView invite(Principal principal, StaffRequests.Invite request, String requestId) {
        Membership me = owner(principal);
        String email = com.practicecal.shared.validation.Check.email("email", request.email());
        Set<String> scopes = StaffScopes.resolve(request.role(), request.scopes());
        String userId;
        try {
            userId = cognito.get().adminCreateUser(b -> b.userPoolId(settings.userPoolId()).username(email)
                            .userAttributes(attr("email", email), attr("email_verified", "true")))
                    .user().attributes().stream().filter(a -> "sub".equals(a.name())).map(AttributeType::value)
                    .findFirst().orElseThrow(() -> new IllegalStateException("Cognito returned no sub"));
        } catch (UsernameExistsException e) {
            throw new ConflictException(ErrorCodes.EMAIL_TAKEN, "a user with this email already exists");
        }
        Instant now = clock.instant();
        Membership staff = new Membership(userId, me.accountId(), Role.STAFF, me.plan(), me.timeZone(), null,
                scopes);
        Events events = access.events(me, requestId, now);
        try {
            table.write(table.transaction()
                    .put(UserItem.TAG, UserItem.staffItem(staff, email, request.role(), now), Condition.NEW_ITEM)
                    .put(EmailItem.TAG, EmailItem.toItem(email, userId, me.accountId()), Condition.NEW_ITEM)
                    .with(events.emit(me.accountId(), "staff.added", "staff", userId,
                            Map.of("scopes", new Change(null, String.join(",", scopes))))));
        } catch (RuntimeException failure) {
            cognito.get().adminDeleteUser(b -> b.userPoolId(settings.userPoolId()).username(email));
            if (failure instanceof TransactionFailedException) {
                throw new ConflictException(ErrorCodes.EMAIL_TAKEN, "a user with this email already exists");
            }
            throw failure;
        }
        return new StaffRequests.StaffView(userId, email, request.role(), scopes, now);
    }

    public StaffRequests.StaffList list(Principal principal) {
        Membership me = owner(principal);
        return new StaffRequests.StaffList(table.page(Query.gsi1(UserItem.staffPartition(me.accountId())), UserItem::staff)
                .items().stream().map(StaffService::view).toList());
    }

    public StaffRequests.StaffView change(Principal principal, String userId, StaffRequests.Change request, String requestId) {
        OwnerAndStaff read = ownerAndStaff(principal, userId);
        Membership me = read.owner();
        String role = request.role() == null ? StaffScopes.CUSTOM : request.role();
        Set<String> scopes = StaffScopes.resolve(role, request.scopes());
        Events events = access.events(me, requestId, clock.instant());
        try {
            table.write(table.transaction()
                    .update(UserItem.TAG, UserItem.key(userId), UserItem.changeStaff(me.accountId(), role, scopes))
                    .with(events.emit(me.accountId(), "staff.changed", "staff", userId,
                            Map.of("scopes", new Change(null, String.join(",", scopes))))));
        } catch (TransactionFailedException e) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "no such staff member");
        }
        StaffRequests.StaffView before = view(read.staff());
        return new StaffRequests.StaffView(before.userId(), before.email(), role, new java.util.TreeSet<>(scopes),
                before.addedAt());
    }

    public void remove(Principal principal, String userId, String requestId) {
        OwnerAndStaff read = ownerAndStaff(principal, userId);
        Membership me = read.owner();
        String email = read.staff().email();
        Events events = access.events(me, requestId, clock.instant());
        try {
            table.write(table.transaction()
                    .delete(UserItem.TAG, UserItem.key(userId), UserItem.staffOf(me.accountId()))
                    .delete(EmailItem.TAG, EmailItem.key(email), Condition.of("attribute_exists(PK)"))
                    .with(events.emit(me.accountId(), "staff.removed", "staff", userId,
                            Map.of())));
        } catch (TransactionFailedException e) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "no such staff member");
        }
        try {
            cognito.get().adminDisableUser(b -> b.userPoolId(settings.userPoolId()).username(email));
        } catch (RuntimeException e) {
            // access already ended with the membership item; the login merely stays enabled
            LOG.warn("could not disable removed staff user's login: {}", e.getClass().getSimpleName());
        }
    }

    private Membership owner(Principal principal) {
        return requireStaffPlan(access.owner(principal));
    }

    private static Membership requireStaffPlan(Membership me) {
        if (!me.plan().allowsStaff()) {
            throw new ForbiddenException(ErrorCodes.PLAN_REQUIRED, "staff accounts need plan XL (current plan " + me.plan() + ")");
        }
        return me;
    }

    private record OwnerAndStaff(Membership owner, UserItem.Staff staff) {
    }

    /** The owner and one of the account's staff members, in one read; anyone else's user is a 404. */
    private OwnerAndStaff ownerAndStaff(Principal principal, String userId) {
        Snapshot read = table.read(List.of(UserItem.key(principal.userId()), UserItem.key(userId)));
        Membership me = access.membership(principal, read);
        access.requireOwner(me);
        requireStaffPlan(me);
        UserItem.Staff staff = read.get(UserItem.key(userId), UserItem::staff)
                .filter(s -> me.accountId().equals(s.membership().accountId()) && s.membership().role() == Role.STAFF)
                .orElseThrow(() -> new NotFoundException(ErrorCodes.NOT_FOUND, "no such staff member"));
        return new OwnerAndStaff(me, staff);
    }

    private static StaffRequests.StaffView view(UserItem.Staff staff) {
        Membership m = staff.membership();
        return new StaffRequests.StaffView(m.userId(), staff.email(), StaffScopes.roleOf(staff.staffRole(), m.scopes()),
                m.scopes(), staff.addedAt());
    }

    private static AttributeType attr(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

}
