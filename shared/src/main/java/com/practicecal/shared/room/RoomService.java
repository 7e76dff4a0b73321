package com.practicecal.shared.room;

import com.practicecal.shared.account.AccountItem;
import com.practicecal.shared.account.Membership;
import com.practicecal.shared.account.UserItem;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.error.ConflictException;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.event.Change;
import com.practicecal.shared.event.Events;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.Expression;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.Query;
import com.practicecal.shared.store.Snapshot;
import com.practicecal.shared.store.Transaction;
import com.practicecal.shared.store.TransactionFailedException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Rooms of an account: create within the plan's limit, list, rename, delete when no future bookings remain. */
@Singleton
public class RoomService {
    private final MainTable table;
    private final AccessPolicy access;
    private final RoomSharing communities;
    private final FutureBookings futureBookings;
    private final Clock clock;

    public RoomService(MainTable table, AccessPolicy access, RoomSharing communities, FutureBookings futureBookings,
                       Clock clock) {
        this.table = table;
        this.access = access;
        this.communities = communities;
        this.futureBookings = futureBookings;
        this.clock = clock;
    }

    public RoomView create(Principal principal, RoomRequest request, String requestId) {
        Membership me = access.owner(principal);
        Room room = new Room(UUID.randomUUID().toString(), me.accountId(), request.cleanName(), RoomStatus.ACTIVE,
                clock.instant());
        Events events = access.events(me, requestId, clock.instant());
        try {
            table.write(table.transaction()
                    .update(AccountItem.TAG, AccountItem.key(me.accountId()), AccountItem.addRoom(room.id(), me.plan()))
                    .put(RoomItem.TAG, RoomItem.toItem(room), Condition.NEW_ITEM)
                    .with(events.emit(me.accountId(), "room.created", "room", room.id(),
                            Map.of("name", new Change(null, room.name())))));
        } catch (TransactionFailedException e) {
            if (e.failed(AccountItem.TAG)) {
                throw new ConflictException(ErrorCodes.ROOM_LIMIT_REACHED,
                        "plan " + me.plan() + " allows " + me.plan().maxRooms() + " room(s)");
            }
            throw new ConflictException(ErrorCodes.CONCURRENT_MODIFICATION, "the account changed meanwhile; retry");
        }
        return RoomView.of(room);
    }

    public RoomView.Page list(Principal principal) {
        Membership me = access.member(principal, com.practicecal.shared.staff.StaffScopes.APPOINTMENTS);
        var rooms = table.page(Query.gsi1(RoomItem.listPartition(me.accountId())).filter("#status = :active")
                .name("#status", RoomItem.STATUS).value(":active", RoomStatus.ACTIVE.name()), RoomItem::fromItem);
        return new RoomView.Page(rooms.items().stream().map(RoomView::of).toList());
    }

    /** Renames a room and/or shares it with the account's calendar community (or withdraws it). */
    public RoomView update(Principal principal, String roomId, RoomUpdateRequest request, String requestId) {
        Snapshot read = table.read(List.of(UserItem.key(principal.userId()), RoomItem.key(roomId)));
        Membership me = access.membership(principal, read);
        access.requireOwner(me);
        Room room = ownActiveRoom(me, read.get(RoomItem.key(roomId), RoomItem::fromItem));
        String name = request.cleanName() == null ? room.name() : request.cleanName();
        boolean share = request.shared() == null ? room.shared() : request.shared();
        if (name.equals(room.name()) && share == room.shared()) {
            return RoomView.of(room);
        }
        Room updated = room.renamed(name);
        Events events = access.events(me, requestId, clock.instant());
        Transaction tx = table.transaction();
        Expression update;
        if (share && !room.shared()) {
            updated = updated.sharedWith(me.communityId());
            communities.share(tx, me, updated, true, events);
            update = RoomItem.renameAndShare(name, String.valueOf(me.communityId()), me.accountId());
        } else if (!share && room.shared()) {
            communities.share(tx, me, room, false, events);
            updated = updated.sharedWith(null);
            update = RoomItem.renameAndWithdraw(name, me.accountId());
        } else {
            if (room.shared()) {
                communities.renameShared(tx, room, name);
            }
            update = RoomItem.rename(name, me.accountId());
        }
        tx.update(RoomItem.TAG, RoomItem.key(roomId), update);
        if (!name.equals(room.name())) {
            tx.with(events.emit(me.accountId(), "room.renamed", "room", roomId,
                    Map.of("name", new Change(room.name(), name))));
        }
        try {
            table.write(tx);
        } catch (TransactionFailedException e) {
            if (e.failed(RoomSharing.COMMUNITY_TAG)) {
                throw new ConflictException(ErrorCodes.CONCURRENT_MODIFICATION, "the community changed meanwhile; retry");
            }
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "room not found");
        }
        return RoomView.of(updated);
    }

    /**
     * Two phases so a booking racing with the delete can never land in a deleted room: first the room stops
     * taking bookings (DELETING; booking transactions check ACTIVE), then the calendar is checked; with future
     * bookings the room is reactivated and 409 returned.
     */
    public void delete(Principal principal, String roomId, String requestId) {
        Snapshot read = table.read(List.of(UserItem.key(principal.userId()), RoomItem.key(roomId)));
        Membership me = access.membership(principal, read);
        access.requireOwner(me);
        Room room = ownActiveRoom(me, read.get(RoomItem.key(roomId), RoomItem::fromItem));
        try {
            table.write(table.transaction().update(RoomItem.TAG, RoomItem.key(roomId),
                    RoomItem.startDeleting(me.accountId())));
        } catch (TransactionFailedException e) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "room not found");
        }
        if (futureBookings.exist(roomId, clock.instant())) {
            table.write(table.transaction().update(RoomItem.TAG, RoomItem.key(roomId), RoomItem.reactivate()));
            throw new ConflictException(ErrorCodes.ROOM_HAS_FUTURE_BOOKINGS,
                    "the room has future bookings; cancel or move them first");
        }
        Events events = access.events(me, requestId, clock.instant());
        Transaction tx = table.transaction();
        if (room.shared()) {
            communities.share(tx, me, room, false, events);
        }
        table.write(tx
                .update(RoomItem.TAG, RoomItem.key(roomId), RoomItem.markDeleted())
                .update(AccountItem.TAG, AccountItem.key(me.accountId()), AccountItem.removeRoom(roomId))
                .with(events.emit(me.accountId(), "room.deleted", "room", roomId,
                        Map.of("status", new Change(RoomStatus.ACTIVE.name(), RoomStatus.DELETED.name())))));
    }

    private Room ownActiveRoom(Membership me, java.util.Optional<Room> read) {
        Room room = read.orElseThrow(() -> new NotFoundException(ErrorCodes.NOT_FOUND, "room not found"));
        access.requireSameAccount(me, room.accountId());
        if (room.status() != RoomStatus.ACTIVE) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "room not found");
        }
        return room;
    }
}
