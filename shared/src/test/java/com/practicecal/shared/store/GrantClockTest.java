package com.practicecal.shared.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.practicecal.shared.account.AccountItem;
import com.practicecal.shared.account.Membership;
import com.practicecal.shared.account.Role;
import com.practicecal.shared.account.UserItem;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.booking.BookingCaller;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.grant.Grant;
import com.practicecal.shared.grant.GrantItem;
import com.practicecal.shared.plan.Plan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Grant expiry is decided by the injected clock, in the read ({@link AccessPolicy#delegated}) and in the write's
 * condition (the guard's {@code :now}), never by the system clock: a grant expiring in 2031 is over for a clock
 * set after it, whatever the machine's date.
 */
class GrantClockTest {
    private static final Instant NOW = Instant.parse("2031-05-01T10:00:00Z");
    private static final Instant EXPIRY = NOW.plus(Duration.ofHours(1));
    private final Principal grantee = new Principal("user-b", "b@praxis.test");

    private static AccessPolicy at(Instant now) {
        return new AccessPolicy(null, Clock.fixed(now, ZoneOffset.UTC));
    }

    private Map<String, Map<String, AttributeValue>> batch() {
        Map<String, Map<String, AttributeValue>> batch = new HashMap<>();
        put(batch, UserItem.toItem(new Membership("user-b", "account-b", Role.OWNER, Plan.L, ZoneId.of("Europe/Berlin")),
                "b@praxis.test"));
        put(batch, GrantItem.toItem(new Grant("grant-1", "account-a", "user-b", "b@praxis.test", Set.of(Grant.WRITE),
                EXPIRY, Grant.ACTIVE, NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofDays(1)))));
        Map<String, AttributeValue> account = new HashMap<>(AccountItem.key("account-a"));
        account.put(AccountItem.PLAN, Attr.s("L"));
        account.put("timeZone", Attr.s("Europe/Berlin"));
        put(batch, account);
        return batch;
    }

    private static void put(Map<String, Map<String, AttributeValue>> batch, Map<String, AttributeValue> item) {
        batch.put(DynamoTable.keyString(item), item);
    }

    @Test
    void theReadDecidesExpiryByTheInjectedClock() {
        assertThat(at(NOW).delegated(grantee, "account-a", Grant.WRITE, Snapshot.of(batch())).role()).isEqualTo(Role.GRANTEE);
        assertThatThrownBy(() -> at(EXPIRY.plusSeconds(1)).delegated(grantee, "account-a", Grant.WRITE, Snapshot.of(batch())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theWriteConditionComparesWithTheInjectedClock() {
        AccessPolicy access = at(NOW);
        BookingCaller caller = BookingCaller.delegated(grantee, "account-a", Grant.WRITE, access);
        Membership me = caller.resolve(Snapshot.of(batch()));
        Transaction tx = new Transaction("main");
        caller.guard(tx, me);
        assertThat(tx.items()).hasSize(1);
        assertThat(tx.items().get(0).conditionCheck().expressionAttributeValues().get(":now").n())
                .isEqualTo(Long.toString(NOW.getEpochSecond()));
    }
}
