package com.practicecal.shared.account;

import com.practicecal.shared.event.Actor;
import com.practicecal.shared.config.AppSettings;
import com.practicecal.shared.error.ConflictException;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.TooManyRequestsException;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.event.Change;
import com.practicecal.shared.event.Events;
import com.practicecal.shared.plan.Plan;
import com.practicecal.shared.store.Attr;
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
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordResetRequiredException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyFailedAttemptsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * Sign-up with proof of email ownership. {@code POST /v1/signup} creates an unconfirmed Cognito user through
 * Cognito's own {@code SignUp} (Cognito e-mails the code) and a {@link PendingSignupItem}; nothing is bound to the
 * address yet. {@code POST /v1/signup/confirm} checks the password given at sign-up, lets Cognito check the code
 * ({@code ConfirmSignUp}, which also sets {@code email_verified}) and only then writes account, owner and email items
 * in one transaction. Until then Cognito refuses to log the user in and no account exists for the API.
 */
@Singleton
@Requires(classes = CognitoIdentityProviderClient.class) // only functions/signup ships the Cognito SDK
public class SignupService {
    private static final Logger LOG = LoggerFactory.getLogger(SignupService.class);
    /** The pending sign-up being confirmed is still the one made for this Cognito user. */
    static final String PENDING_FOR_USER = "userId = :user";

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
     * An unconfirmed user and the pending sign-up. An earlier sign-up of the same address that was never confirmed is
     * replaced (its code stops working), so an address cannot be squatted by signing it up first; a confirmed one is
     * {@code 409 EMAIL_TAKEN}.
     */
    public SignupStatus signup(SignupRequest request) {
        String email = request.normalizedEmail();
        Plan plan = Plan.parse("plan", request.plan());
        ZoneId zone = ZoneId.of(request.zone());
        String userId = signUpInCognito(email, request.password());
        try {
            table.write(table.transaction().put(PendingSignupItem.TAG, PendingSignupItem.toItem(new PendingSignupItem.Pending(
                    email, userId, request.practiceName().strip(), plan, zone, clock.instant())), null));
        } catch (RuntimeException failure) {
            deleteCognitoUser(email);
            throw failure;
        }
        return SignupStatus.pending(email);
    }

    private String signUpInCognito(String email, String password) {
        for (int attempt = 0; ; attempt++) {
            try {
                return cognito.signUp(b -> b.clientId(settings.userPoolClientId()).username(email).password(password)
                        .userAttributes(AttributeType.builder().name("email").value(email).build())).userSub();
            } catch (UsernameExistsException e) {
                if (attempt > 0 || !removeUnconfirmed(email)) {
                    throw new ConflictException(ErrorCodes.EMAIL_TAKEN, "an account with this email already exists");
                }
            } catch (InvalidPasswordException e) {
                throw new ValidationException(ErrorCodes.WEAK_PASSWORD, "password", "does not meet the password policy");
            } catch (InvalidParameterException e) {
                throw new ValidationException("email", "was rejected by the identity provider");
            }
        }
    }

    /** true if the address's user was never confirmed and is now gone. */
    private boolean removeUnconfirmed(String email) {
        try {
            var user = cognito.adminGetUser(b -> b.userPoolId(settings.userPoolId()).username(email));
            if (user.userStatus() != UserStatusType.UNCONFIRMED) {
                return false;
            }
            cognito.adminDeleteUser(b -> b.userPoolId(settings.userPoolId()).username(email));
            return true;
        } catch (UserNotFoundException gone) {
            return true;
        }
    }

    /**
     * Confirms the sign-up and creates the account. Wrong password, unknown address and wrong code all answer
     * {@code 422 CODE_MISMATCH}, so the route does not tell which addresses have pending sign-ups.
     */
    public AccountView confirm(ConfirmSignupRequest request, String requestId) {
        String email = request.normalizedEmail();
        if (!passwordAlreadyConfirmed(email, request.password())) {
            confirmCode(email, request.code());
        }
        // Cognito has confirmed the address; the account is made from the pending sign-up of exactly this user.
        String userId = cognitoSub(email);
        PendingSignupItem.Pending pending = table.get(PendingSignupItem.key(email))
                .map(item -> PendingSignupItem.fromItem(email, item))
                .filter(p -> p.userId().equals(userId))
                .orElse(null);
        if (pending == null) {
            throw alreadyConfirmedOrExpired(userId);
        }
        Account account = new Account(userId, pending.practiceName(), pending.plan(), pending.timeZone(), userId, 0,
                clock.instant());
        Membership owner = new Membership(userId, account.id(), Role.OWNER, pending.plan(), pending.timeZone());
        Events events = new Events(Actor.owner(userId), requestId, clock.instant());
        try {
            table.write(table.transaction()
                    .put(AccountItem.TAG, AccountItem.toItem(account), Condition.NEW_ITEM)
                    .put(UserItem.TAG, UserItem.toItem(owner, email), Condition.NEW_ITEM)
                    .put(EmailItem.TAG, EmailItem.toItem(email, userId, account.id()), Condition.NEW_ITEM)
                    .delete(PendingSignupItem.TAG, PendingSignupItem.key(email),
                            Condition.of(PENDING_FOR_USER, Map.of(":user", Attr.s(userId))))
                    .with(events.emit(account.id(), "account.created", "account",
                            account.id(), Map.of("plan", new Change(null, pending.plan().name())))));
        } catch (TransactionFailedException e) {
            throw alreadyConfirmedOrExpired(userId);
        }
        return AccountView.of(owner, account);
    }

    /**
     * Checks the password given at sign-up without logging in: Cognito answers {@code UserNotConfirmedException} only
     * to the right password of an unconfirmed user. true if the user is confirmed already (a retry after the code was
     * accepted: the account may still need to be written).
     */
    private boolean passwordAlreadyConfirmed(String email, String password) {
        try {
            var answer = cognito.initiateAuth(b -> b.clientId(settings.userPoolClientId())
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", email, "PASSWORD", password)));
            if (answer.challengeName() != null) {
                throw mismatch(); // e.g. a staff member's invitation: not a sign-up
            }
            return true;
        } catch (UserNotConfirmedException rightPasswordUnconfirmed) {
            return false;
        } catch (NotAuthorizedException | UserNotFoundException | PasswordResetRequiredException e) {
            throw mismatch();
        }
    }

    private void confirmCode(String email, String code) {
        try {
            cognito.confirmSignUp(b -> b.clientId(settings.userPoolClientId()).username(email).confirmationCode(code));
        } catch (CodeMismatchException | UserNotFoundException e) {
            throw mismatch();
        } catch (ExpiredCodeException e) {
            throw new ValidationException(ErrorCodes.CODE_EXPIRED, "code",
                    "has expired; request a new one with POST /v1/signup/resend");
        } catch (LimitExceededException | TooManyFailedAttemptsException e) {
            throw new TooManyRequestsException(ErrorCodes.TOO_MANY_ATTEMPTS,
                    "too many wrong codes; request a new one with POST /v1/signup/resend");
        } catch (NotAuthorizedException confirmedMeanwhile) {
            // a concurrent confirmation won; the account transaction below decides
        }
    }

    private static ValidationException mismatch() {
        return new ValidationException(ErrorCodes.CODE_MISMATCH, "code",
                "does not match a pending sign-up of this email with this password");
    }

    private String cognitoSub(String email) {
        return cognito.adminGetUser(b -> b.userPoolId(settings.userPoolId()).username(email)).userAttributes().stream()
                .filter(a -> "sub".equals(a.name())).map(AttributeType::value).findFirst()
                .orElseThrow(() -> new IllegalStateException("Cognito returned no sub"));
    }

    private RuntimeException alreadyConfirmedOrExpired(String userId) {
        if (table.get(AccountItem.key(userId)).isPresent()) {
            return new ConflictException(ErrorCodes.ALREADY_CONFIRMED, "this sign-up is confirmed; log in");
        }
        return new ValidationException(ErrorCodes.SIGNUP_EXPIRED, "email",
                "no pending sign-up for this user any more; sign up again");
    }

    /** Sends a new code for a pending sign-up. The answer is the same whether or not the address has one. */
    public SignupStatus resend(ResendCodeRequest request) {
        String email = request.normalizedEmail();
        try {
            cognito.resendConfirmationCode(b -> b.clientId(settings.userPoolClientId()).username(email));
        } catch (UserNotFoundException | InvalidParameterException unknownOrConfirmed) {
            // same answer as for a pending sign-up: the route must not reveal which addresses exist
        } catch (LimitExceededException e) {
            throw new TooManyRequestsException(ErrorCodes.TOO_MANY_ATTEMPTS, "too many codes requested; try later");
        }
        return SignupStatus.pending(email);
    }

    private void deleteCognitoUser(String email) {
        try {
            cognito.adminDeleteUser(b -> b.userPoolId(settings.userPoolId()).username(email));
        } catch (RuntimeException e) {
            // An unconfirmed user without a pending sign-up: a new sign-up replaces it. Operators see this.
            LOG.error("could not roll back Cognito user after failed sign-up: {}", e.getClass().getSimpleName());
        }
    }
}
