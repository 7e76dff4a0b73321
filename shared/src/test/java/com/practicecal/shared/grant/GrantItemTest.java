package com.practicecal.shared.grant;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Expression;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The grant's state changes as its item class writes them (conditions included). */
class GrantItemTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static Grant grant(String id, String grantee) {
        return new Grant(id, "a-1", grantee, "g@p.test", Set.of(Grant.READ), null, Grant.ACTIVE, NOW, NOW);
    }

    @Test
    void acceptingAndDecliningNeedTheSameStillOpenUnexpiredOffer() {
        Expression accept = GrantItem.accept("g-1", NOW);
        assertThat(accept.conditionExpression()).isEqualTo(GrantItem.OPEN_OFFER);
        assertThat(accept.updateExpression()).isEqualTo("SET #status = :active, #accepted = :now_iso");
        assertThat(accept.values()).containsEntry(":id", Attr.s("g-1")).containsEntry(":offered", Attr.s(Grant.OFFERED))
                .containsEntry(":now", Attr.n(NOW.getEpochSecond())).containsEntry(":active", Attr.s(Grant.ACTIVE))
                .containsEntry(":now_iso", Attr.s(NOW.toString()));
        assertThat(accept.names()).containsEntry("#expires", GrantItem.EXPIRES_EPOCH).containsEntry("#id", GrantItem.ID);
        Expression decline = GrantItem.decline("g-1", NOW);
        assertThat(decline.conditionExpression()).isEqualTo(GrantItem.OPEN_OFFER);
        assertThat(decline.values()).containsEntry(":declined", Attr.s(Grant.DECLINED)).doesNotContainKey(":active");
    }

    @Test
    void aGrantFromBeforeGrantIdsIsRevokedByItsGranteeId() {
        assertThat(GrantItem.revoke(grant("g-1", "u-2")).conditionExpression())
                .isEqualTo(GrantItem.REVOCABLE + " AND #id = :id");
        assertThat(GrantItem.revoke(grant("u-2", "u-2")).conditionExpression())
                .as("stored without an id").isEqualTo(GrantItem.REVOCABLE + " AND (attribute_not_exists(#id) OR #id = :id)");
        assertThat(GrantItem.revoke(grant("g-1", "u-2")).values()).containsEntry(":revoked", Attr.s(Grant.REVOKED))
                .containsEntry(":id", Attr.s("g-1"));
    }
}
