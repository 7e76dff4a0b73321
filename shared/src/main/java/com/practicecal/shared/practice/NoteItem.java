package com.practicecal.shared.practice;

import com.practicecal.shared.booking.BookingItem;
import com.practicecal.shared.store.Attr;
import com.practicecal.shared.store.TxTag;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A session note (special-category health data): PK {@code BOOKING#<id>}, SK {@code NOTE#<createdAt>#<noteId>}.
 * The text is never logged, never in events or queues.
 */
public final class NoteItem {
    /** Transaction tag of a session note. */
    public static final TxTag TAG = TxTag.of("note");
    public static final String PREFIX = "NOTE#";

    private NoteItem() {
    }

    public record Note(String id, String bookingId, String accountId, String text, String authorUserId, Instant createdAt) {
        @Override
        public String toString() {
            return "Note[" + id + "]";
        }
    }

    public static Map<String, AttributeValue> toItem(Note note) {
        Map<String, AttributeValue> item = new HashMap<>(Attr.key(BookingItem.PREFIX + note.bookingId(),
                PREFIX + note.createdAt() + "#" + note.id()));
        item.put(Attr.TYPE, Attr.s("SessionNote"));
        item.put("noteId", Attr.s(note.id()));
        item.put("bookingId", Attr.s(note.bookingId()));
        item.put("accountId", Attr.s(note.accountId()));
        item.put("text", Attr.s(note.text()));
        item.put("authorUserId", Attr.s(note.authorUserId()));
        item.put("createdAt", Attr.s(note.createdAt().toString()));
        return item;
    }

    public static Note fromItem(Map<String, AttributeValue> item) {
        return new Note(Attr.str(item, "noteId"), Attr.str(item, "bookingId"), Attr.str(item, "accountId"),
                Attr.str(item, "text"), Attr.str(item, "authorUserId"), Instant.parse(Attr.str(item, "createdAt")));
    }
}
