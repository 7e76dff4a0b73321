package com.practicecal.shared.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.practicecal.shared.account.Account;
import com.practicecal.shared.account.AccountItem;
import com.practicecal.shared.account.Membership;
import com.practicecal.shared.account.Role;
import com.practicecal.shared.account.UserItem;
import com.practicecal.shared.booking.BookingView;
import com.practicecal.shared.error.DomainException;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.event.Actor;
import com.practicecal.shared.grant.Grant;
import com.practicecal.shared.grant.GrantItem;
import com.practicecal.shared.plan.Plan;
import com.practicecal.shared.staff.StaffScopes;
import com.practicecal.shared.config.AppSettings;
import com.practicecal.shared.store.DynamoTable;
import com.practicecal.shared.store.FakeDynamo;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.Snapshot;
import com.practicecal.shared.store.Transaction;
import com.practicecal.shared.store.TransactionItems;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The access policy's decisions from items as read (fast tier: no emulator, no table). The policy gets no table, so
 * a decision that would need a read it should not make fails the test with a NullPointerException.
 */
class AccessPolicyTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final AccessPolicy policy = new AccessPolicy(null, java.time.Clock.systemUTC());

    private static Membership owner(String account, Plan plan) {
        return new Membership("u-" + account, account, Role.OWNER, plan, BERLIN, "c-1");
    }

    private static Membership staff(Plan plan, String... scopes) {
        return new Membership("s-1", "a-1", Role.STAFF, plan, BERLIN, null, Set.of(scopes));
    }

    private static String code(Runnable decision) {
        DomainException e = catchThrowableOfType(DomainException.class, decision::run);
        assertThat(e).as("refused").isNotNull();
        return e.status() + " " + e.code();
    }

    private static Snapshot batch(Map<String, AttributeValue>... items) {
        Map<String, Map<String, AttributeValue>> batch = new HashMap<>();
        for (Map<String, AttributeValue> item : items) {
            batch.put(DynamoTable.keyString(Map.of("PK", item.get("PK"), "SK", item.get("SK"))), item);
        }
        return Snapshot.of(batch);
    }

    private static Map<String, AttributeValue> account(String id, Plan plan) {
        return AccountItem.toItem(new Account(id, "Praxis " + id, plan, BERLIN, "u-" + id, 1, Instant.EPOCH));
    }

    private static Grant grant(String status, Instant expires, String... scopes) {
        return new Grant("g-1", "a-2", "u-a-1", "anna@praxis.test", Set.of(scopes), expires, status, Instant.EPOCH,
                Instant.EPOCH);
    }

    @Test
    void scopesAreForStaffOnPlanXlOwnersNeedNone() {
        policy.requireScope(owner("a-1", Plan.S), StaffScopes.DOCUMENTATION);
        policy.requireScope(staff(Plan.XL, StaffScopes.APPOINTMENTS), StaffScopes.APPOINTMENTS);
        assertThat(code(() -> policy.requireScope(staff(Plan.XL, StaffScopes.APPOINTMENTS), StaffScopes.DOCUMENTATION)))
                .isEqualTo("403 " + ErrorCodes.MISSING_SCOPE);
        assertThat(code(() -> policy.requireScope(staff(Plan.L, StaffScopes.APPOINTMENTS), StaffScopes.APPOINTMENTS)))
                .as("a downgrade below XL ends staff access").isEqualTo("403 " + ErrorCodes.PLAN_REQUIRED);
        Membership grantee = new Membership("u-1", "a-2", Role.GRANTEE, Plan.L, BERLIN);
        assertThat(code(() -> policy.requireScope(grantee, StaffScopes.APPOINTMENTS))).isEqualTo("403 " + ErrorCodes.FORBIDDEN);
    }

    @Test
    void ownerOnlyAndOtherAccountsAreAbsent() {
        policy.requireOwner(owner("a-1", Plan.S));
        assertThat(code(() -> policy.requireOwner(staff(Plan.XL, StaffScopes.ALL.toArray(String[]::new)))))
                .isEqualTo("403 " + ErrorCodes.FORBIDDEN);
        policy.requireSameAccount(owner("a-1", Plan.S), "a-1");
        assertThat(code(() -> policy.requireSameAccount(owner("a-1", Plan.S), "a-2"))).isEqualTo("404 " + ErrorCodes.NOT_FOUND);
        policy.requirePlanAllowsDelegation(owner("a-1", Plan.L));
        assertThat(code(() -> policy.requirePlanAllowsDelegation(owner("a-1", Plan.M))))
                .isEqualTo("403 " + ErrorCodes.PLAN_REQUIRED);
    }

    @Test
    void membershipComesFromTheUserItemAndStaffTakeTheAccountsCommunity() {
        Membership stored = new Membership("s-1", "a-1", Role.STAFF, Plan.XL, BERLIN, "stale", Set.of("appointments"));
        Map<String, AttributeValue> accountItem = new HashMap<>(account("a-1", Plan.XL));
        accountItem.put(AccountItem.COMMUNITY, AttributeValue.fromS("c-now"));
        Membership me = policy.membership(new Principal("s-1", null), batch(UserItem.toItem(stored, "s@p.test"), accountItem));
        assertThat(me.role()).isEqualTo(Role.STAFF);
        assertThat(me.communityId()).isEqualTo("c-now");
        assertThat(me.scopes()).containsExactly("appointments");
        assertThat(code(() -> policy.membership(new Principal("nobody", null), batch())))
                .isEqualTo("404 " + ErrorCodes.ACCOUNT_NOT_FOUND);
        Membership owner = policy.membership(new Principal("u-a-1", null),
                batch(UserItem.toItem(owner("a-1", Plan.M), "o@p.test")));
        assertThat(owner.communityId()).isEqualTo("c-1");
    }

    @Test
    void aStaffMembersCommunityComesFromTheSnapshotOrOneReadOfTheAccount() {
        FakeDynamo dynamo = new FakeDynamo();
        Map<String, AttributeValue> accountItem = new HashMap<>(account("a-1", Plan.XL));
        accountItem.put(AccountItem.COMMUNITY, AttributeValue.fromS("c-now"));
        dynamo.item(accountItem);
        AccessPolicy reading = new AccessPolicy(new MainTable(dynamo,
                new AppSettings("t", "pool", "client", "eu-central-1", null)), java.time.Clock.systemUTC());
        Principal staffMember = new Principal("s-1", null);
        Map<String, AttributeValue> user = UserItem.toItem(
                new Membership("s-1", "a-1", Role.STAFF, Plan.XL, BERLIN, "stale", Set.of("appointments")), "s@p.test");
        assertThat(reading.membership(staffMember, batch(user)).communityId()).isEqualTo("c-now");
        assertThat(dynamo.batchGets).as("the account was not in the snapshot: one read").hasSize(1);
        assertThat(reading.member(staffMember, batch(user, accountItem), StaffScopes.APPOINTMENTS)
                .communityId()).isEqualTo("c-now");
        assertThat(dynamo.batchGets).as("in the snapshot: no read").hasSize(1);
        assertThat(reading.membership(new Principal("u-a-1", null),
                batch(UserItem.toItem(owner("a-1", Plan.M), "o@p.test"))).communityId()).isEqualTo("c-1");
        assertThat(dynamo.batchGets).as("owners carry their community").hasSize(1);
        assertThat(code(() -> reading.member(staffMember, batch(user, accountItem), StaffScopes.INVOICING)))
                .isEqualTo("403 " + ErrorCodes.MISSING_SCOPE);
    }

    @Test
    void theStaffGuardChecksAccountRoleScopeAndEveryStaffPlan() {
        Transaction tx = new Transaction("t");
        policy.guardStaff(tx, staff(Plan.XL, StaffScopes.DOCUMENTATION), StaffScopes.DOCUMENTATION);
        var check = TransactionItems.of(tx).get(0).conditionCheck();
        assertThat(check.key()).isEqualTo(UserItem.key("s-1"));
        assertThat(check.conditionExpression()).startsWith("#account = :account AND #role = :staff AND contains(#scopes, :scope)");
        List<Plan> staffPlans = java.util.Arrays.stream(Plan.values()).filter(Plan::allowsStaff).toList();
        assertThat(staffPlans).isNotEmpty();
        staffPlans.forEach(p -> assertThat(check.expressionAttributeValues()).containsEntry(":plan" + p.name(),
                AttributeValue.fromS(p.name())));
        assertThat(check.expressionAttributeValues()).containsEntry(":account", AttributeValue.fromS("a-1"))
                .containsEntry(":staff", AttributeValue.fromS("STAFF"))
                .containsEntry(":scope", AttributeValue.fromS(StaffScopes.DOCUMENTATION));
        assertThat(check.expressionAttributeNames()).containsOnlyKeys("#account", "#role", "#scopes", "#plan");
    }

    @Test
    void aGranteeNeedsAnActiveUnexpiredGrantWithTheScopeOnADelegationPlan() {
        Principal anna = new Principal("u-a-1", null);
        Map<String, AttributeValue> annaUser = UserItem.toItem(owner("a-1", Plan.S), "anna@praxis.test");
        Instant later = Instant.now().plus(Duration.ofDays(1));
        Membership me = policy.delegated(anna, "a-2", Grant.READ,
                batch(annaUser, account("a-2", Plan.L), GrantItem.toItem(grant(Grant.ACTIVE, later, Grant.WRITE))));
        assertThat(me.role()).as("write implies read").isEqualTo(Role.GRANTEE);
        assertThat(me.accountId()).isEqualTo("a-2");
        assertThat(me.userId()).isEqualTo("u-a-1");
        assertThat(code(() -> policy.delegated(anna, "a-2", Grant.WRITE,
                batch(annaUser, account("a-2", Plan.L), GrantItem.toItem(grant(Grant.ACTIVE, later, Grant.READ))))))
                .isEqualTo("403 " + ErrorCodes.MISSING_SCOPE);
        for (Map<String, AttributeValue> grantItem : new Map[] {
                GrantItem.toItem(grant(Grant.REVOKED, later, Grant.WRITE)),
                GrantItem.toItem(grant(Grant.OFFERED, later, Grant.WRITE)),
                GrantItem.toItem(grant(Grant.ACTIVE, Instant.now().minusSeconds(1), Grant.WRITE))}) {
            assertThat(code(() -> policy.delegated(anna, "a-2", Grant.READ, batch(annaUser, account("a-2", Plan.L), grantItem))))
                    .as("no relation: 404, nothing learnt").isEqualTo("404 " + ErrorCodes.NOT_FOUND);
        }
        assertThat(code(() -> policy.delegated(anna, "a-2", Grant.READ,
                batch(annaUser, account("a-2", Plan.M), GrantItem.toItem(grant(Grant.ACTIVE, later, Grant.WRITE))))))
                .as("the grantor's plan no longer allows delegation").isEqualTo("404 " + ErrorCodes.NOT_FOUND);
        assertThat(code(() -> policy.delegated(anna, "a-2", Grant.READ, batch(annaUser, account("a-2", Plan.L)))))
                .isEqualTo("404 " + ErrorCodes.NOT_FOUND);
        assertThat(policy.delegated(anna, "a-1", Grant.WRITE, batch(annaUser)).role())
                .as("an owner on her own calendar").isEqualTo(Role.OWNER);
    }

    @Test
    void granteesSeeTheMinimalClientOthersTheFullView() {
        OffsetDateTime at = OffsetDateTime.parse("2026-03-02T09:00:00+01:00");
        BookingView full = new BookingView("b-1", "r-1", at, at.plusHours(1), "CONFIRMED",
                new BookingView.ClientView("Erika Mustermann", "erika@example.test", "+49 30 1234567"), at, "u-1", at,
                "u-1", "s-1", "c-9");
        BookingView grantee = policy.project(full, new Membership("u-2", "a-1", Role.GRANTEE, Plan.L, BERLIN));
        assertThat(grantee.client().name()).isEqualTo("Erika M.");
        assertThat(grantee.client().email()).isNull();
        assertThat(grantee.client().phone()).isNull();
        assertThat(grantee.createdBy()).isNull();
        assertThat(grantee.clientId()).isEqualTo("c-9");
        assertThat(policy.project(full, owner("a-1", Plan.L))).isSameAs(full);
        assertThat(policy.project(full, staff(Plan.XL, StaffScopes.APPOINTMENTS))).isSameAs(full);
    }

    @Test
    void actorsAndTheStaffGuard() {
        assertThat(policy.actor(owner("a-1", Plan.S))).isEqualTo(Actor.owner("u-a-1"));
        assertThat(policy.actor(staff(Plan.XL)).kind()).isEqualTo("staff");
        assertThat(policy.actor(new Membership("u-2", "a-1", Role.GRANTEE, Plan.L, BERLIN)))
                .isEqualTo(Actor.grantee("u-2", "a-1"));
        Transaction ownerTx = new Transaction("t");
        policy.guardStaff(ownerTx, owner("a-1", Plan.XL), StaffScopes.APPOINTMENTS);
        assertThat(ownerTx.size()).as("owners' writes get no check").isZero();
        Transaction staffTx = new Transaction("t");
        policy.guardStaff(staffTx, staff(Plan.XL, StaffScopes.APPOINTMENTS), StaffScopes.APPOINTMENTS);
        assertThat(staffTx.size()).isEqualTo(1);
    }
}
