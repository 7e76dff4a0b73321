package com.practicecal.shared.feed;

import com.practicecal.shared.account.Membership;
import com.practicecal.shared.account.UserItem;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.booking.BookingView;
import com.practicecal.shared.booking.Interval;
import com.practicecal.shared.calendar.CalendarService;
import com.practicecal.shared.calendar.CalendarView;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.event.Change;
import com.practicecal.shared.event.Events;
import com.practicecal.shared.online.BookingSettings;
import com.practicecal.shared.online.BookingSettingsItem;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.Condition;
import com.practicecal.shared.store.DynamoTable;
import com.practicecal.shared.store.MainTable;
import com.practicecal.shared.store.TransactionFailedException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Secret calendar feeds of an account (owner): create (the URL with its token is shown once), list, delete (revokes
 * the token at once), and the public {@code .ics} rendering for a token. Create and delete write the feed item, the
 * token lookup item and the outbox event in one transaction.
 */
@Singleton
public class FeedService {
    /** The published window: from this long ago (UTC day) ... */
    public static final Duration PAST = Duration.ofDays(14);
    /** ... to this far ahead. */
    public static final Duration AHEAD = Duration.ofDays(90);
    static final String EXISTS = "attribute_exists(PK)";
    static final String UID_DOMAIN = "@practicecal";

    private final MainTable table;
    private final AccessPolicy access;
    private final CalendarService calendar;
    private final Clock clock;

    public FeedService(MainTable table, AccessPolicy access, CalendarService calendar, Clock clock) {
        this.table = table;
        this.access = access;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** {@code origin} ({@code scheme://host}) is where the feed's public URL points. */
    public FeedView create(Principal principal, CreateFeedRequest request, String origin, String requestId) {
        Membership me = access.owner(principal);
        String token = FeedTokens.newToken();
        Instant now = clock.instant();
        Feed feed = new Feed(UUID.randomUUID().toString(), me.accountId(), me.userId(), FeedTokens.hash(token),
                request.busy(), now);
        Events events = access.events(me, requestId, now);
        table.write(table.transaction()
                .put(FeedItem.TAG, FeedItem.toItem(feed), Condition.NEW_ITEM)
                .put(FeedTokenItem.TAG, FeedTokenItem.toItem(feed), Condition.NEW_ITEM)
                .with(events.emit(me.accountId(), "feed.created", "feed", feed.id(),
                        Map.of("includeBusy", new Change(null, Boolean.toString(feed.includeBusy()))))));
        return FeedView.withUrl(feed, FeedLinks.url(origin, token));
    }

    public FeedView.Page list(Principal principal) {
        Membership me = access.owner(principal);
        return new FeedView.Page(feedsOf(table, me.accountId()).stream().map(FeedView::of).toList());
    }

    static List<Feed> feedsOf(DynamoTable table, String accountId) {
        var response = table.query(QueryRequest.builder().consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", Attr.PK, "#sk", Attr.SK))
                .expressionAttributeValues(Map.of(":pk", Attr.s(FeedItem.partition(accountId)),
                        ":prefix", Attr.s(FeedItem.PREFIX))));
        return response.items().stream().map(FeedItem::fromItem).sorted(Comparator.comparing(Feed::createdAt)).toList();
    }

    public void delete(Principal principal, String feedId, String requestId) {
        Membership me = access.owner(principal);
        Feed feed = table.get(FeedItem.key(me.accountId(), feedId)).map(FeedItem::fromItem)
                .orElseThrow(FeedService::notFound);
        Events events = access.events(me, requestId, clock.instant());
        try {
            table.write(table.transaction()
                    .delete(FeedItem.TAG, FeedItem.key(me.accountId(), feedId), Condition.of(EXISTS))
                    .delete(FeedTokenItem.TAG, FeedTokenItem.key(feed.tokenHash()), Condition.of(EXISTS))
                    .with(events.emit(me.accountId(), "feed.deleted", "feed", feedId,
                            Map.of("includeBusy", new Change(Boolean.toString(feed.includeBusy()), null)))));
        } catch (TransactionFailedException e) {
            throw notFound(); // deleted meanwhile
        }
    }

    /** The public feed for {@code <token>.ics}; an unknown, revoked or malformed token is a plain 404. */
    public FeedDocument document(String fileName) {
        String token = FeedTokens.fromFileName(fileName).orElseThrow(FeedService::notFound);
        Feed feed = table.get(FeedTokenItem.key(FeedTokens.hash(token))).map(FeedTokenItem::fromItem)
                .orElseThrow(FeedService::notFound);
        Map<String, Map<String, AttributeValue>> batch = table.batchGet(List.of(UserItem.key(feed.userId()),
                BookingSettingsItem.key(feed.accountId())));
        Membership me;
        try {
            me = access.membership(new Principal(feed.userId(), null), batch);
        } catch (NotFoundException e) {
            throw notFound();
        }
        if (!me.accountId().equals(feed.accountId())) {
            throw notFound();
        }
        Map<String, AttributeValue> settingsItem = batch.get(DynamoTable.keyString(BookingSettingsItem.key(feed.accountId())));
        BookingSettings settings = settingsItem == null ? BookingSettings.defaults() : BookingSettingsItem.fromItem(settingsItem);
        return FeedDocument.of(IcsRenderer.render(entries(me, feed, settings)));
    }

    private List<FeedEntry> entries(Membership me, Feed feed, BookingSettings settings) {
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        Interval window = new Interval(today.minus(PAST), today.plus(AHEAD));
        List<FeedEntry> entries = new ArrayList<>();
        for (BookingView b : calendar.confirmedBookings(me, window)) { // cancelled bookings are left out
            String service = b.serviceId() == null ? null
                    : settings.service(b.serviceId()).map(BookingSettings.Service::name).orElse(null);
            entries.add(new FeedEntry(b.id() + UID_DOMAIN, b.start().toInstant(), b.end().toInstant(),
                    FeedSummary.of(service, b.client() == null ? null : b.client().name()), b.updatedAt().toInstant(),
                    b.seriesId() == null ? null : b.seriesId() + SERIES_UID_DOMAIN));
        }
        // own blocked time, with its title: the feed is the owner's own (secret) calendar
        for (com.practicecal.shared.block.Block block : com.practicecal.shared.block.BlockService.overlapping(table,
                me.accountId(), window)) {
            entries.add(new FeedEntry(BLOCK_UID_PREFIX + block.id() + UID_DOMAIN, block.interval().start(),
                    block.interval().end(), block.title(), block.updatedAt(),
                    block.seriesId() == null ? null : block.seriesId() + SERIES_UID_DOMAIN));
        }
        if (feed.includeBusy()) {
            for (CalendarView.BusyBlock block : calendar.busyBlocks(me, window)) {
                Instant start = block.start().toInstant();
                Instant end = block.end().toInstant();
                entries.add(new FeedEntry(busyUid(feed, block.roomId(), start, end), start, end, FeedSummary.BUSY, start));
            }
        }
        entries.sort(Comparator.comparing(FeedEntry::start).thenComparing(FeedEntry::uid));
        return entries;
    }

    /** Stable per feed, room and interval, and revealing none of them. */
    /** RELATED-TO of a series occurrence: the series, under its own UID domain. */
    static final String SERIES_UID_DOMAIN = "@series.practicecal";
    /** UID of an own block: {@code block-<id>@practicecal}. */
    static final String BLOCK_UID_PREFIX = "block-";

    static String busyUid(Feed feed, String roomId, Instant start, Instant end) {
        return "busy-" + FeedTokens.hash(feed.id() + "|" + roomId + "|" + start + "|" + end).substring(0, 32) + UID_DOMAIN;
    }

    private static NotFoundException notFound() {
        return new NotFoundException(ErrorCodes.NOT_FOUND, "feed not found");
    }
}
