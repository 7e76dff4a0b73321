package com.practicecal.shared.block;

import com.practicecal.shared.validation.Check;
import com.practicecal.shared.validation.Validatable;
import com.practicecal.shared.booking.Interval;
import com.practicecal.shared.error.ValidationException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Optional;

/**
 * PATCH /v1/blocks/{id} {start?, end?, title?, roomId?}: start and end go together; {@code "roomId": null} removes the
 * block's room (absent keeps it).
 */
public record BlockUpdateRequest(String start, String end, String title,
                                 @JsonDeserialize(using = NullableId.class) String roomId) implements Validatable {
    @Override
    public void validate() {
        if (start == null && end == null && title == null && roomId == null) {
            throw new ValidationException(null, "give start and end, title and/or roomId");
        }
        if ((start == null) != (end == null)) {
            throw new ValidationException(start == null ? "start" : "end", "start and end must be given together");
        }
        interval();
        if (title != null) {
            Check.text("title", title, BlockRequest.MAX_TITLE);
        }
        if (roomId != null && !removesRoom()) {
            Check.id("roomId", roomId);
        }
    }

    /** {@code "roomId": null}: the block keeps no room. */
    public boolean removesRoom() {
        return NullableId.NULL.equals(roomId);
    }

    /** The new room, or null (unchanged or removed). */
    public String newRoomId() {
        return removesRoom() ? null : roomId;
    }

    public Optional<Interval> interval() {
        return start == null ? Optional.empty() : Optional.of(BlockRequest.interval(start, end));
    }

    public Optional<String> cleanTitle() {
        return Optional.ofNullable(title).map(t -> Check.text("title", t, BlockRequest.MAX_TITLE));
    }
}
