package com.practicecal.shared.online;

import com.practicecal.shared.account.AccountItem;
import com.practicecal.shared.booking.AccountDayItem;
import com.practicecal.shared.booking.Interval;
import com.practicecal.shared.booking.OccupancyDay;
import com.practicecal.shared.booking.OccupancyDayItem;
import com.practicecal.shared.community.CommunityItem;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.room.RoomItem;
import com.practicecal.shared.room.RoomStatus;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.DynamoTable;
import com.practicecal.shared.store.MainTable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Reads what slot computation needs for one therapist: account and rules (one batch), own rooms (one query),
 * rooms shared with the community (one read), and the occupancy days of all those rooms (batches of 100 keys,
 * i.e. at most one round trip per room-week).
 */
@Singleton
public class AvailabilityReader {
    private static final int BATCH = 100;
    private final MainTable table;

    public AvailabilityReader(MainTable table) {
        this.table = table;
    }

    public record Therapist(String accountId, ZoneId zone, String communityId, BookingSettings settings) {
    }

    public Therapist therapist(String accountId) {
        var batch = table.batchGet(List.of(AccountItem.key(accountId), BookingSettingsItem.key(accountId)));
        Map<String, AttributeValue> account = batch.get(DynamoTable.keyString(AccountItem.key(accountId)));
        if (account == null) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "therapist not found");
        }
        return new Therapist(accountId, ZoneId.of(Attr.str(account, "timeZone")), Attr.str(account, AccountItem.COMMUNITY),
                BookingSettingsItem.fromItem(batch.get(DynamoTable.keyString(BookingSettingsItem.key(accountId)))));
    }

    public SlotFinder.Availability availability(Therapist therapist, Interval range) {
        return snapshot(therapist, range, null).availability();
    }

    /**
     * Availability plus the therapist's account-day counters for the same days, read in the same batches: an
     * online booking conditions on those counters, so the therapist-free check still holds at commit.
     */
    public record Snapshot(SlotFinder.Availability availability, Map<LocalDate, Long> therapistDayVersions) {
    }

    public Snapshot snapshot(Therapist therapist, Interval range, String ignoredBookingId) {
        List<String> rooms = bookableRooms(therapist);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        List<LocalDate> days = range.utcDays();
        rooms.forEach(room -> days.forEach(day -> keys.add(OccupancyDayItem.key(room, day))));
        days.forEach(day -> keys.add(AccountDayItem.key(therapist.accountId(), day)));
        Map<String, Map<String, AttributeValue>> found = new java.util.HashMap<>();
        for (int i = 0; i < keys.size(); i += BATCH) {
            found.putAll(table.batchGet(keys.subList(i, Math.min(keys.size(), i + BATCH))));
        }
        List<OccupancyDay> occupancy = new ArrayList<>();
        found.values().stream().filter(item -> Attr.str(item, Attr.PK).startsWith(RoomItem.PREFIX)).forEach(item -> {
            String roomId = Attr.str(item, Attr.PK).substring(RoomItem.PREFIX.length());
            occupancy.add(OccupancyDayItem.fromItem(roomId, OccupancyDayItem.dayOf(item), item));
        });
        Map<LocalDate, Long> versions = new java.util.TreeMap<>();
        days.forEach(day -> versions.put(day,
                AccountDayItem.version(found.get(DynamoTable.keyString(AccountDayItem.key(therapist.accountId(), day))))));
        return new Snapshot(SlotFinder.Availability.of(therapist.accountId(), therapist.zone(), therapist.settings(), rooms,
                occupancy, ignoredBookingId), versions);
    }

    /** Own active rooms first (by creation), then rooms other members share with the community. */
    private List<String> bookableRooms(Therapist therapist) {
        List<String> rooms = new ArrayList<>();
        table.query(QueryRequest.builder().indexName(Attr.GSI1).keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", Attr.GSI1PK))
                        .expressionAttributeValues(Map.of(":pk", Attr.s(RoomItem.listPartition(therapist.accountId())))))
                .items().stream().map(RoomItem::fromItem).filter(r -> r.status() == RoomStatus.ACTIVE)
                .forEach(r -> rooms.add(r.id()));
        if (therapist.communityId() != null) {
            table.get(CommunityItem.key(therapist.communityId())).map(CommunityItem::fromItem)
                    .filter(c -> c.hasMember(therapist.accountId()))
                    .ifPresent(c -> c.sharedRooms().keySet().stream().sorted().filter(id -> !rooms.contains(id))
                            .forEach(rooms::add));
        }
        return rooms;
    }
}
