package com.practicecal.shared.account;

import com.practicecal.shared.auth.Actor;
import com.practicecal.shared.config.AppSettings;
import com.practicecal.shared.error.ConflictException;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.event.Change;
import com.practicecal.shared.event.Events;
import com.practicecal.shared.event.OutboxItem;
import com.practicecal.shared.plan.Plan;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.TransactionFailedException;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/** Sign-up: the owner's Cognito login and the practice account. Only functions that ship the Cognito SDK have it. */
@Singleton
@Requires(classes = CognitoIdentityProviderClient.class)
public class SignupService {
    private static final Logger LOG = LoggerFactory.getLogger(SignupService.class);
    private static final String NEW_ITEM = AccountService.NEW_ITEM;

    private final CognitoIdentityProviderClient cognito;
    private final MainTable table;
    private final AppSettings settings;
    private final Clock clock;

    public SignupService(CognitoIdentityProviderClient cognito, MainTable table, AppSettings settings, Clock clock) {
        this.cognito = cognito;
        this.table = table;
        this.settings = settings;
        this.clock = clock;
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
}
