package com.practicecal.shared.accounts;

import com.practicecal.shared.account.Account;
import com.practicecal.shared.account.AccountItem;
import com.practicecal.shared.account.AccountView;
import com.practicecal.shared.account.Membership;
import com.practicecal.shared.account.PlanChangeRequest;
import com.practicecal.shared.account.PublicConfig;
import com.practicecal.shared.account.SignupService;
import com.practicecal.shared.account.UserItem;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.config.AppSettings;
import com.practicecal.shared.error.ConflictException;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.event.Change;
import com.practicecal.shared.event.Events;
import com.practicecal.shared.plan.Plan;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.Query;
import com.practicecal.shared.store.Snapshot;
import com.practicecal.shared.store.TransactionFailedException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The caller's account, plan changes and the public login configuration (sign-up: {@link SignupService}). */
@Singleton
public class AccountService {
    private final MainTable table;
    private final AppSettings settings;
    private final AccessPolicy access;
    private final Clock clock;

    public AccountService(MainTable table, AppSettings settings, AccessPolicy access, Clock clock) {
        this.table = table;
        this.settings = settings;
        this.access = access;
        this.clock = clock;
    }

    public PublicConfig publicConfig() {
        return new PublicConfig(settings.region(), settings.userPoolId(), settings.userPoolClientId(),
                settings.issuer(), settings.cognitoEndpoint());
    }

    public AccountView me(Principal principal) {
        CallerAndAccount read = callerAndAccount(principal);
        return AccountView.of(read.membership(), read.account());
    }

    private record CallerAndAccount(Membership membership, Account account) {
    }

    /** An owner's account is keyed by their sub, so user and account come in one read (staff need a second). */
    private CallerAndAccount callerAndAccount(Principal principal) {
        Snapshot read = table.read(List.of(UserItem.key(principal.userId()), AccountItem.key(principal.userId())));
        Membership membership = access.membership(principal, read);
        return new CallerAndAccount(membership, read.get(AccountItem.key(membership.accountId()), AccountItem::fromItem)
                .orElseGet(() -> loadAccount(membership.accountId())));
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
        Events events = access.events(membership, requestId, clock.instant());
        // staff carry the plan on their membership item too: a downgrade below XL ends their access at once
        List<String> staff = table.page(Query.gsi1(UserItem.staffPartition(membership.accountId())), UserItem::userId)
                .items();
        try {
            var tx = table.transaction();
            for (String staffUserId : staff) {
                tx.update(UserItem.STAFF_TAG, UserItem.key(staffUserId), UserItem.setPlan(target));
            }
            table.write(tx
                    .update(AccountItem.TAG, AccountItem.key(membership.accountId()),
                            AccountItem.changePlan(target, membership.userId()))
                    .update(UserItem.TAG, UserItem.key(membership.userId()), UserItem.setPlan(target))
                    .with(events.emit(membership.accountId(), "account.plan_changed",
                            "account", membership.accountId(),
                            Map.of("plan", new Change(before.plan().name(), target.name())))));
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
