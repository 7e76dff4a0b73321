package com.practicecal.shared.community;

import com.practicecal.shared.account.EmailItem;
import com.practicecal.shared.validation.Check;
import com.practicecal.shared.account.Account;
import com.practicecal.shared.account.AccountItem;
import com.practicecal.shared.account.Membership;
import com.practicecal.shared.account.UserItem;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.error.ConflictException;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.ForbiddenException;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.event.Change;
import com.practicecal.shared.event.Events;
import com.practicecal.shared.room.Room;
import com.practicecal.shared.room.RoomItem;
import com.practicecal.shared.room.RoomSharing;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.Query;
import com.practicecal.shared.store.Snapshot;
import com.practicecal.shared.store.Transaction;
import com.practicecal.shared.store.TransactionFailedException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Calendar communities: invitations (14 days), accept/decline, leave/remove, and sharing rooms with the
 * community. Every change is one conditional transaction with its outbox events; membership is denormalized onto
 * the account and user items so that booking checks it without an extra read.
 */
@Singleton
public class CommunityService implements RoomSharing {
    public static final Duration INVITATION_VALIDITY = Duration.ofDays(14);
    /** Sharing writes every member's calendar index in one transaction (at most 100 items), so communities stay small. */
    public static final int MAX_MEMBERS = 20;

    private final MainTable table;
    private final AccessPolicy access;
    private final Clock clock;

    public CommunityService(MainTable table, AccessPolicy access, Clock clock) {
        this.table = table;
        this.access = access;
        this.clock = clock;
    }

    public CommunityViews.InvitationView invite(Principal principal, InvitationRequest request, String requestId) {
        String invitee = request.email();
        Snapshot read = table.read(List.of(UserItem.key(principal.userId()), EmailItem.key(invitee)));
        Membership me = access.membership(principal, read);
        access.requireOwner(me);
        String myEmail = read.get(UserItem.key(principal.userId()), UserItem::email).orElse(null);
        if (Check.sameEmail(invitee, myEmail)) {
            throw new ValidationException("inviteeEmail", "you cannot invite yourself");
        }
        // Only an address whose owner proved it (a confirmed sign-up) can be invited; it is bound to nobody else.
        String inviteeAccount = read.get(EmailItem.key(invitee), EmailItem::accountId)
                .orElseThrow(() -> new ValidationException("inviteeEmail", "no practice has confirmed this email"));
        if (me.accountId().equals(inviteeAccount)) {
            throw new ValidationException("inviteeEmail", "you cannot invite your own practice");
        }
        Account account = account(me.accountId());
        Instant now = clock.instant();
        Events events = access.events(me, requestId, now);
        Transaction tx = table.transaction();
        String communityId = me.communityId();
        if (communityId == null) {
            // The first invitation founds the community, with the inviter as its owner.
            communityId = UUID.randomUUID().toString();
            tx.put(CommunityItem.TAG, CommunityItem.newItem(communityId, me.accountId(), account.name(), now), Condition.NEW_ITEM);
            joinItems(tx, me.accountId(), me.userId(), communityId, Set.of());
            tx.with(events.emit(me.accountId(), "community.created", "community",
                    communityId, Map.of()));
        }
        Invitation invitation = new Invitation(UUID.randomUUID().toString(), communityId, me.accountId(), account.name(),
                invitee, Invitation.PENDING, now, now.plus(INVITATION_VALIDITY));
        tx.put(InvitationItem.TAG, InvitationItem.toItem(invitation), Condition.NEW_ITEM)
                .put(InvitationItem.POINTER_TAG, InvitationItem.pointer(invitation), Condition.NEW_ITEM)
                .with(events.emit(me.accountId(), "community.invitation_sent", "invitation",
                        invitation.id(), Map.of("status", new Change(null, Invitation.PENDING))));
        try {
            table.write(tx);
        } catch (TransactionFailedException e) {
            throw new ConflictException(ErrorCodes.CONCURRENT_MODIFICATION, "the account changed meanwhile; retry");
        }
        return view(invitation, "outgoing", now);
    }

    public CommunityViews.Invitations invitations(Principal principal) {
        Snapshot read = table.read(List.of(UserItem.key(principal.userId())));
        Membership me = access.membership(principal, read);
        access.requireOwner(me);
        String myEmail = read.get(UserItem.key(principal.userId()), UserItem::email).orElse(null); // none: SnapStart's synthetic caller
        Instant now = clock.instant();
        List<String> invitationIds = myEmail == null ? List.of()
                : table.page(Query.partition(InvitationItem.inviteePartition(myEmail)), InvitationItem::pointedInvitationId)
                        .items().stream().limit(100).toList();
        var keys = invitationIds.stream().map(InvitationItem::key).toList();
        List<CommunityViews.InvitationView> incoming = keys.isEmpty() ? List.of() : table.read(keys)
                .all(InvitationItem::fromItem).stream().map(i -> view(i, "incoming", now))
                .sorted(Comparator.comparing(CommunityViews.InvitationView::createdAt).reversed()).toList();
        List<CommunityViews.InvitationView> outgoing = table.page(
                        Query.gsi1(InvitationItem.outgoingPartition(me.accountId())).newestFirst(), InvitationItem::fromItem)
                .items().stream().map(i -> view(i, "outgoing", now)).toList();
        return new CommunityViews.Invitations(incoming, outgoing);
    }

    /** The invitee's owner accepts: joins the community in one transaction (one community per account). */
    public CommunityViews.CommunityView accept(Principal principal, String invitationId, String requestId) {
        Snapshot mine = table.read(List.of(UserItem.key(principal.userId()), InvitationItem.key(invitationId)));
        Membership me = access.membership(principal, mine);
        access.requireOwner(me);
        Invitation invitation = incoming(mine, principal, invitationId);
        Instant now = clock.instant();
        requirePending(invitation, now);
        if (me.communityId() != null) {
            throw new ConflictException(ErrorCodes.ALREADY_IN_COMMUNITY, "leave your current calendar community first");
        }
        Snapshot read = table.read(List.of(AccountItem.key(me.accountId()), CommunityItem.key(invitation.communityId())));
        Account account = account(read, me.accountId());
        Community community = read.get(CommunityItem.key(invitation.communityId()), CommunityItem::fromItem)
                .orElseThrow(() -> new ConflictException(ErrorCodes.INVITATION_CLOSED, "the community no longer exists"));
        if (community.members().size() >= MAX_MEMBERS) {
            throw new ConflictException(ErrorCodes.COMMUNITY_FULL,
                    "a calendar community has at most " + MAX_MEMBERS + " member practices");
        }
        Events events = access.events(me, requestId, now);
        Transaction tx = table.transaction()
                .update(InvitationItem.TAG, InvitationItem.key(invitationId), InvitationItem.accept(now))
                .update(CommunityItem.TAG, CommunityItem.key(invitation.communityId()),
                        CommunityItem.addMember(community, me.accountId(), account.name(), now));
        joinItems(tx, me.accountId(), me.userId(), invitation.communityId(), community.sharedRooms().keySet());
        tx.with(events.emit(me.accountId(), "community.joined", "community",
                        invitation.communityId(), Map.of()))
                .with(events.emit(invitation.inviterAccountId(), "community.invitation_accepted",
                        "invitation", invitationId, Map.of("status", new Change(Invitation.PENDING, Invitation.ACCEPTED))));
        try {
            table.write(tx);
        } catch (TransactionFailedException e) {
            if (e.failed(InvitationItem.TAG)) {
                throw new ConflictException(ErrorCodes.INVITATION_CLOSED, "the invitation is no longer pending");
            }
            if (e.failed(CommunityItem.TAG)) {
                throw new ConflictException(ErrorCodes.CONCURRENT_MODIFICATION, "the community changed meanwhile; retry");
            }
            throw new ConflictException(ErrorCodes.ALREADY_IN_COMMUNITY, "your account joined a community meanwhile");
        }
        return view(principal);
    }

    public void decline(Principal principal, String invitationId, String requestId) {
        Snapshot mine = table.read(List.of(UserItem.key(principal.userId()), InvitationItem.key(invitationId)));
        Membership me = access.membership(principal, mine);
        access.requireOwner(me);
        Invitation invitation = incoming(mine, principal, invitationId);
        Instant now = clock.instant();
        requirePending(invitation, now);
        Events events = access.events(me, requestId, now);
        try {
            table.write(table.transaction()
                    .update(InvitationItem.TAG, InvitationItem.key(invitationId), InvitationItem.decline(now))
                    .with(events.emit(invitation.inviterAccountId(),
                            "community.invitation_declined", "invitation", invitationId,
                            Map.of("status", new Change(Invitation.PENDING, Invitation.DECLINED)))));
        } catch (TransactionFailedException e) {
            throw new ConflictException(ErrorCodes.INVITATION_CLOSED, "the invitation is no longer pending");
        }
    }

    public CommunityViews.CommunityView view(Principal principal) {
        Membership me = access.member(principal, com.practicecal.shared.staff.StaffScopes.APPOINTMENTS);
        Community community = community(me);
        List<CommunityViews.MemberView> members = new ArrayList<>();
        community.members().forEach((id, m) -> members.add(new CommunityViews.MemberView(id, m.practiceName(),
                id.equals(community.ownerAccountId()), id.equals(me.accountId()), m.joinedAt())));
        members.sort(Comparator.comparing(CommunityViews.MemberView::joinedAt));
        List<CommunityViews.SharedRoomView> rooms = new ArrayList<>();
        community.sharedRooms().forEach((id, r) -> rooms.add(new CommunityViews.SharedRoomView(id, r.name(), r.accountId(),
                r.accountId().equals(me.accountId()))));
        rooms.sort(Comparator.comparing(CommunityViews.SharedRoomView::name));
        return new CommunityViews.CommunityView(community.id(), members, rooms);
    }

    /**
     * A member leaves (accountId = own account) or the community's owner removes a member. Sharing ends for the
     * member's rooms and for the member's access to others' rooms; existing bookings stay.
     */
    public void removeMember(Principal principal, String accountId, String requestId) {
        Membership me = access.owner(principal);
        if (me.communityId() == null) {
            throw notInCommunity();
        }
        // the community and the member's account in one read
        Snapshot read = table.read(List.of(CommunityItem.key(me.communityId()), AccountItem.key(accountId)));
        Community community = read.get(CommunityItem.key(me.communityId()), CommunityItem::fromItem)
                .orElseThrow(CommunityService::notInCommunity);
        boolean leaving = accountId.equals(me.accountId());
        if (!leaving && !me.accountId().equals(community.ownerAccountId())) {
            throw new ForbiddenException(ErrorCodes.FORBIDDEN, "only the community's owner may remove members");
        }
        if (!community.hasMember(accountId)) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "no such member");
        }
        boolean dissolve = accountId.equals(community.ownerAccountId());
        if (dissolve && community.members().size() > 1) {
            throw new ConflictException(ErrorCodes.COMMUNITY_OWNER_MUST_STAY,
                    "the community's owner can leave only after the other members have left or been removed");
        }
        Account member = account(read, accountId);
        Instant now = clock.instant();
        Events events = access.events(me, requestId, now);
        Transaction tx = table.transaction();
        List<String> leaverRooms = List.copyOf(community.roomsSharedBy(accountId));
        if (dissolve) {
            tx.delete(CommunityItem.TAG, CommunityItem.key(community.id()),
                    CommunityItem.lastMemberLeaves(community, accountId));
        } else {
            tx.update(CommunityItem.TAG, CommunityItem.key(community.id()),
                    CommunityItem.removeMember(community, accountId, leaverRooms));
        }
        for (String room : leaverRooms) {
            tx.update(RoomItem.TAG.per(room), RoomItem.key(room), RoomItem.leaveCommunity());
        }
        leaveItems(tx, accountId, member.ownerUserId(), community.id(), community.roomsSharedByOthers(accountId));
        if (!leaverRooms.isEmpty()) {
            community.members().keySet().stream().filter(id -> !id.equals(accountId)).sorted().forEach(other ->
                    forgetRooms(tx, other, leaverRooms));
        }
        tx.with(events.emit(accountId, leaving ? "community.left" : "community.member_removed",
                "community", community.id(), Map.of()));
        if (!leaving) {
            tx.with(events.emit(me.accountId(), "community.member_removed", "account",
                    accountId, Map.of()));
        }
        try {
            table.write(tx);
        } catch (TransactionFailedException e) {
            throw new ConflictException(ErrorCodes.CONCURRENT_MODIFICATION, "the community changed meanwhile; retry");
        }
    }

    /**
     * Adds the items that share (or stop sharing) a room to a room update's transaction: the community's room
     * list and every other member's calendar index, conditional on the community being as read.
     */
    @Override
    public void share(Transaction tx, Membership me, Room room, boolean shared, Events events) {
        if (shared) {
            Community community = me.communityId() == null ? null
                    : table.get(CommunityItem.key(me.communityId())).map(CommunityItem::fromItem).orElse(null);
            if (community == null || !community.hasMember(me.accountId())) {
                throw new ConflictException(ErrorCodes.NOT_IN_COMMUNITY, "join or found a calendar community first");
            }
            tx.update(CommunityItem.TAG, CommunityItem.key(community.id()),
                    CommunityItem.shareRoom(community, me.accountId(), room.id(), room.name()));
            community.members().keySet().stream().filter(id -> !id.equals(me.accountId())).sorted().forEach(other ->
                    tx.update(AccountItem.CALENDAR_TAG.per(other), AccountItem.key(other),
                            AccountItem.addCalendarRooms(List.of(room.id()))));
            tx.with(events.emit(me.accountId(), "room.shared", "room", room.id(),
                    Map.of("shared", new Change("false", "true"))));
        } else if (room.communityId() != null) {
            Community community = table.get(CommunityItem.key(room.communityId())).map(CommunityItem::fromItem).orElse(null);
            if (community != null) {
                tx.update(CommunityItem.TAG, CommunityItem.key(community.id()),
                        CommunityItem.unshareRoom(community, room.id()));
                community.members().keySet().stream().filter(id -> !id.equals(room.accountId())).sorted()
                        .forEach(other -> forgetRooms(tx, other, Set.of(room.id())));
            }
            tx.with(events.emit(me.accountId(), "room.unshared", "room", room.id(),
                    Map.of("shared", new Change("true", "false"))));
        }
    }

    /** Keeps the shared room's name in the community in step with a rename. */
    @Override
    public void renameShared(Transaction tx, Room room, String name) {
        tx.update(CommunityItem.TAG, CommunityItem.key(room.communityId()), CommunityItem.renameRoom(room.id(), name));
    }

    public Community community(Membership me) {
        if (me.communityId() == null) {
            throw notInCommunity();
        }
        return table.get(CommunityItem.key(me.communityId())).map(CommunityItem::fromItem)
                .orElseThrow(CommunityService::notInCommunity);
    }

    private static NotFoundException notInCommunity() {
        return new NotFoundException(ErrorCodes.NOT_IN_COMMUNITY, "your account is not in a calendar community");
    }

    /** The account joins: its items name the community and its calendar index gains the community's shared rooms. */
    void joinItems(Transaction tx, String accountId, String ownerUserId, String communityId,
                           Set<String> sharedRooms) {
        tx.update(AccountItem.TAG, AccountItem.key(accountId), AccountItem.joinCommunity(communityId, sharedRooms));
        tx.update(UserItem.TAG, UserItem.key(ownerUserId), UserItem.joinCommunity(communityId));
    }

    /** The account leaves: its items forget the community, its calendar index the rooms others shared. */
    private void leaveItems(Transaction tx, String accountId, String ownerUserId, String communityId,
                            Set<String> othersRooms) {
        tx.update(AccountItem.TAG, AccountItem.key(accountId), AccountItem.leaveCommunity(communityId, othersRooms));
        tx.update(UserItem.TAG, UserItem.key(ownerUserId), UserItem.leaveCommunity());
    }

    /** Tidies other accounts' calendar indexes; readers already ignore rooms that stopped being bookable. */
    private static void forgetRooms(Transaction tx, String accountId, java.util.Collection<String> roomIds) {
        tx.update(AccountItem.CALENDAR_TAG.per(accountId), AccountItem.key(accountId), AccountItem.forgetCalendarRooms(roomIds));
    }

    private Invitation incoming(Snapshot read, Principal principal, String id) {
        String myEmail = read.get(UserItem.key(principal.userId()), UserItem::email).orElse(null);
        return read.get(InvitationItem.key(id), InvitationItem::fromItem)
                .filter(invitation -> Check.sameEmail(invitation.inviteeEmail(), myEmail))
                .orElseThrow(() -> new NotFoundException(ErrorCodes.NOT_FOUND, "invitation not found"));
    }

    private static void requirePending(Invitation invitation, Instant now) {
        String status = invitation.statusAt(now);
        if (Invitation.EXPIRED.equals(status)) {
            throw new ConflictException(ErrorCodes.INVITATION_EXPIRED, "the invitation expired on " + invitation.expiresAt());
        }
        if (!Invitation.PENDING.equals(status)) {
            throw new ConflictException(ErrorCodes.INVITATION_CLOSED, "the invitation was already " + status.toLowerCase());
        }
    }

    private Account account(String accountId) {
        return account(table.read(List.of(AccountItem.key(accountId))), accountId);
    }

    static Account account(Snapshot read, String accountId) {
        return read.get(AccountItem.key(accountId), AccountItem::fromItem)
                .orElseThrow(() -> new NotFoundException(ErrorCodes.ACCOUNT_NOT_FOUND, "account not found"));
    }

    private static CommunityViews.InvitationView view(Invitation i, String direction, Instant now) {
        return new CommunityViews.InvitationView(i.id(), direction, i.inviterAccountId(), i.inviterName(), i.inviteeEmail(),
                i.statusAt(now), i.createdAt(), i.expiresAt());
    }
}
