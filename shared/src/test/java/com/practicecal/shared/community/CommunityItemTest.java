package com.practicecal.shared.community;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.shared.account.AccountItem;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.Expression;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The community's membership and room-sharing writes (each conditional on the version read, each moving it on) and
 * the account's side of joining and leaving.
 */
class CommunityItemTest {
    private static final Instant T = Instant.parse("2026-12-01T09:00:00Z");
    private static final Community COMMUNITY = new Community("c1", "acc-1",
            Map.of("acc-1", new Community.Member("Praxis A", T), "acc-2", new Community.Member("Praxis B", T)),
            Map.of("r1", new Community.SharedRoom("acc-2", "Raum 1")), T, 7);

    @Test
    void aMemberLeavesWithTheRoomsItShared() {
        Expression e = CommunityItem.removeMember(COMMUNITY, "acc-2", List.of("r1", "r2"));
        assertThat(e.updateExpression()).isEqualTo("REMOVE #members.#account, #rooms.#r0, #rooms.#r1 ADD #version :one");
        assertThat(e.conditionExpression()).isEqualTo(CommunityItem.IS_MEMBER_AND_UNCHANGED);
        assertThat(e.names()).isEqualTo(Map.of("#members", "members", "#account", "acc-2", "#version", "version",
                "#rooms", "sharedRooms", "#r0", "r1", "#r1", "r2"));
        assertThat(e.values()).isEqualTo(Map.of(":version", Attr.n(7), ":one", Attr.n(1)));
    }

    @Test
    void aMemberWithoutSharedRoomsNamesNoRooms() {
        Expression e = CommunityItem.removeMember(COMMUNITY, "acc-2", List.of());
        assertThat(e.updateExpression()).isEqualTo("REMOVE #members.#account ADD #version :one");
        assertThat(e.names()).doesNotContainKey("#rooms");
        assertThat(e.conditionExpression()).isEqualTo(CommunityItem.IS_MEMBER_AND_UNCHANGED);
    }

    @Test
    void theLastMemberDissolvesTheCommunityAsRead() {
        Condition c = CommunityItem.lastMemberLeaves(COMMUNITY, "acc-1");
        assertThat(c.expression()).isEqualTo(CommunityItem.IS_MEMBER_AND_UNCHANGED);
        assertThat(c.names()).isEqualTo(Map.of("#members", "members", "#account", "acc-1", "#version", "version"));
        assertThat(c.values()).isEqualTo(Map.of(":version", Attr.n(7)));
    }

    @Test
    void sharingNeedsMembershipUnsharingOnlyTheVersion() {
        Expression share = CommunityItem.shareRoom(COMMUNITY, "acc-2", "r3", "Raum 3");
        assertThat(share.updateExpression()).isEqualTo(CommunityItem.SHARE_ROOM);
        assertThat(share.conditionExpression()).isEqualTo(CommunityItem.IS_MEMBER_AND_UNCHANGED);
        assertThat(share.names()).containsEntry("#room", "r3").containsEntry("#account", "acc-2")
                .containsEntry("#rooms", "sharedRooms").containsEntry("#members", "members");
        assertThat(share.values()).containsEntry(":room", CommunityItem.sharedRoom("acc-2", "Raum 3"))
                .containsEntry(":version", Attr.n(7)).containsEntry(":one", Attr.n(1));

        Expression unshare = CommunityItem.unshareRoom(COMMUNITY, "r1");
        assertThat(unshare.updateExpression()).isEqualTo(CommunityItem.UNSHARE_ROOM);
        assertThat(unshare.conditionExpression()).isEqualTo(CommunityItem.UNCHANGED);
        assertThat(unshare.names()).isEqualTo(Map.of("#rooms", "sharedRooms", "#room", "r1", "#version", "version"));
    }

    @Test
    void anAccountJoinsOnlyWhenInNoCommunityAndLeavesOnlyTheOneItIsIn() {
        Expression join = AccountItem.joinCommunity("c1", Set.of("r2", "r1"));
        assertThat(join.updateExpression()).isEqualTo("SET #community = :community ADD #calendar :rooms");
        assertThat(join.conditionExpression()).isEqualTo(AccountItem.NOT_IN_A_COMMUNITY);
        assertThat(join.names()).isEqualTo(Map.of("#community", "communityId", "#calendar", "calendarRooms"));
        assertThat(join.values()).isEqualTo(Map.of(":community", Attr.s("c1"),
                ":rooms", AttributeValue.fromSs(List.of("r1", "r2"))));
        assertThat(AccountItem.joinCommunity("c1", Set.of()).updateExpression()).isEqualTo("SET #community = :community");

        Expression leave = AccountItem.leaveCommunity("c1", List.of("r1"));
        assertThat(leave.updateExpression()).isEqualTo("REMOVE #community DELETE #calendar :rooms");
        assertThat(leave.conditionExpression()).isEqualTo(AccountItem.IN_COMMUNITY);
        assertThat(leave.values()).containsEntry(":community", Attr.s("c1"));

        Condition still = AccountItem.inCommunity("c1");
        assertThat(still.expression()).isEqualTo(AccountItem.IN_COMMUNITY);
        assertThat(still.names()).isEqualTo(Map.of("#community", "communityId"));
        assertThat(still.values()).isEqualTo(Map.of(":community", Attr.s("c1")));

        assertThat(AccountItem.addCalendarRooms(List.of("r1")).updateExpression()).isEqualTo("ADD #calendar :rooms");
        assertThat(AccountItem.forgetCalendarRooms(List.of("r1")).updateExpression()).isEqualTo("DELETE #calendar :rooms");
    }
}
