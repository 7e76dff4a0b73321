package com.practicecal.shared.account;

import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.auth.Actor;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.config.AppSettings;
import com.practicecal.shared.error.ConflictException;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.event.Change;
import com.practicecal.shared.event.Events;
import com.practicecal.shared.event.OutboxItem;
import com.practicecal.shared.plan.Plan;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.DynamoTable;
import com.practicecal.shared.store.Expression;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.TransactionFailedException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Sign-up, the caller's account, plan changes and the public login configuration. */
@Singleton
public class AccountService {
    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
    static final String NEW_ITEM = "attribute_not_exists(PK)";
    static final String OWNED_BY_CALLER_AND_ROOMS_FIT = "ownerUserId = :owner AND roomCount <= :maxRooms";

    private final CognitoIdentityProviderClient cognito;
    private final MainTable table;
    private final AppSettings settings;
    private final AccessPolicy access;
    private final Clock clock;

    public AccountService(CognitoIdentityProviderClient cognito, MainTable table, AppSettings settings,
                          AccessPolicy access, Clock clock) {
        this.cognito = cognito;
        this.table = table;
        this.settings = settings;
        this.access = access;
        this.clock = clock;
    }

    public PublicConfig publicConfig() {
        return new PublicConfig(settings.region(), settings.userPoolId(), settings.userPoolClientId(),
                settings.issuer(), settings.cognitoEndpoint());
    }

    /**
     * Creates the Cognito user and the practice account. The account items are written in one transaction; if
     * that fails the Cognito user is deleted again, so no half-created account remains.
     */
    public AccountView signup(SignupRequest request, String requestId) {
        String email = request.normalizedEmail();
        Plan plan = Plan.parse("plan", request.plan());
        ZoneId zone = ZoneId.of(request.zone());
        String userId = createCognitoUser(email, request.password());
        try {
            // The account is keyed by its owner's sub: the owner's reads can then fetch it with the user item.
            Account account = new Account(userId, request.practiceName().strip(), plan, zone, userId, 0, clock.instant());
            Membership owner = new Membership(userId, account.id(), Role.OWNER, plan, zone);
            Events events = new Events(Actor.owner(userId), requestId, clock.instant());
            table.write(table.transaction()
                    .put("account", AccountItem.toItem(account), Condition.of(NEW_ITEM))
                    .put("user", UserItem.toItem(owner, email), Condition.of(NEW_ITEM))
                    .put("email", EmailItem.toItem(email, userId, account.id()), Condition.of(NEW_ITEM))
                    .put("event", OutboxItem.toItem(events.event(account.id(), "account.created", "account",
                            account.id(), Map.of("plan", new Change(null, plan.name())))), null));
            return AccountView.of(owner, account);
        } catch (RuntimeException failure) {
            deleteCognitoUser(email);
            if (failure instanceof TransactionFailedException) {
                throw new ConflictException(ErrorCodes.EMAIL_TAKEN, "an account with this email already exists");
            }
            throw failure;
        }
    }

    private String createCognitoUser(String email, String password) {
        try {
            var created = cognito.adminCreateUser(b -> b.userPoolId(settings.userPoolId()).username(email)
                    .messageAction(MessageActionType.SUPPRESS)
                    .userAttributes(attr("email", email), attr("email_verified", "true")));
            String userId = created.user().attributes().stream().filter(a -> "sub".equals(a.name()))
                    .map(AttributeType::value).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Cognito returned no sub"));
            try {
                cognito.adminSetUserPassword(b -> b.userPoolId(settings.userPoolId()).username(email)
                        .password(password).permanent(true));
            } catch (RuntimeException e) {
                deleteCognitoUser(email);
                throw e;
            }
            return userId;
        } catch (UsernameExistsException e) {
            throw new ConflictException(ErrorCodes.EMAIL_TAKEN, "an account with this email already exists");
        } catch (InvalidPasswordException e) {
            throw new ValidationException(ErrorCodes.WEAK_PASSWORD, "password", "does not meet the password policy");
        } catch (InvalidParameterException e) {
            throw new ValidationException("email", "was rejected by the identity provider");
        }
    }

    private void deleteCognitoUser(String email) {
        try {
            cognito.adminDeleteUser(b -> b.userPoolId(settings.userPoolId()).username(email));
        } catch (RuntimeException e) {
            // Leaves a Cognito user without an account; sign-in then yields ACCOUNT_NOT_FOUND. Operators see this.
            LOG.error("could not roll back Cognito user after failed sign-up: {}", e.getClass().getSimpleName());
        }
    }

    private static AttributeType attr(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    public AccountView me(Principal principal) {
        CallerAndAccount read = callerAndAccount(principal);
        return AccountView.of(read.membership(), read.account());
    }

    private record CallerAndAccount(Membership membership, Account account) {
    }

    /** An owner's account is keyed by their sub, so user and account come in one read (staff need a second). */
    private CallerAndAccount callerAndAccount(Principal principal) {
        var read = table.batchGet(List.of(UserItem.key(principal.userId()), AccountItem.key(principal.userId())));
        Membership membership = access.membership(principal, read);
        Map<String, AttributeValue> account = read.get(DynamoTable.keyString(AccountItem.key(membership.accountId())));
        return new CallerAndAccount(membership,
                account != null ? AccountItem.fromItem(account) : loadAccount(membership.accountId()));
    }

    /** Owner changes the plan; refused while the account owns more rooms than the new plan allows. */
    public AccountView changePlan(Principal principal, PlanChangeRequest request, String requestId) {
        CallerAndAccount read = callerAndAccount(principal);
        Membership membership = read.membership();
        access.requireOwner(membership);
        Plan target = request.target();
        Account before = read.account();
        if (before.plan() == target) {
            return AccountView.of(membership, before);
        }
        Events events = new Events(access.actor(membership), requestId, clock.instant());
        // staff carry the plan on their membership item too: a downgrade below XL ends their access at once
        var staff = table.query(software.amazon.awssdk.services.dynamodb.model.QueryRequest.builder().indexName(Attr.GSI1)
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", Attr.GSI1PK))
                .expressionAttributeValues(Map.of(":pk", Attr.s(UserItem.staffPartition(membership.accountId()))))).items();
        try {
            var tx = table.transaction();
            for (var member : staff) {
                tx.update("staff", UserItem.key(Attr.str(member, "userId")), Expression.update("SET #plan = :plan")
                        .name("#plan", UserItem.PLAN).value(":plan", Attr.s(target.name())));
            }
            table.write(tx
                    .update("account", AccountItem.key(membership.accountId()), Expression
                            .update("SET #plan = :plan").when(OWNED_BY_CALLER_AND_ROOMS_FIT)
                            .name("#plan", AccountItem.PLAN)
                            .value(":plan", Attr.s(target.name()))
                            .value(":owner", Attr.s(membership.userId()))
                            .value(":maxRooms", Attr.n(target.maxRooms())))
                    .update("user", UserItem.key(membership.userId()), Expression.update("SET #plan = :plan")
                            .name("#plan", UserItem.PLAN).value(":plan", Attr.s(target.name())))
                    .put("event", OutboxItem.toItem(events.event(membership.accountId(), "account.plan_changed",
                            "account", membership.accountId(),
                            Map.of("plan", new Change(before.plan().name(), target.name())))), null));
        } catch (TransactionFailedException e) {
            throw new ConflictException(ErrorCodes.ROOM_LIMIT_REACHED,
                    "plan " + target + " allows " + target.maxRooms() + " room(s); delete rooms first");
        }
        Membership updated = membership.withPlan(target);
        return AccountView.of(updated, new Account(before.id(), before.name(), target, before.timeZone(),
                before.ownerUserId(), before.roomCount(), before.createdAt()));
    }

    Account loadAccount(String accountId) {
        return table.get(AccountItem.key(accountId)).map(AccountItem::fromItem)
                .orElseThrow(() -> new NotFoundException(ErrorCodes.ACCOUNT_NOT_FOUND, "account not found"));
    }
}
