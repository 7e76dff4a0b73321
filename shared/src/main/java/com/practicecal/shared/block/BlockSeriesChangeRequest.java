package com.practicecal.shared.block;

import com.practicecal.shared.validation.Check;
import com.practicecal.shared.validation.Validatable;
import com.practicecal.shared.error.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * PATCH /v1/block-series/{id} {from, start?, end?, title?, roomId?}: the occurrence starting at {@code from} and all
 * later ones get the new local time (start and end of that occurrence; later ones weekly from there), title and/or
 * room.
 */
public record BlockSeriesChangeRequest(String from, String start, String end, String title, String roomId)
        implements Validatable {
    @Override
    public void validate() {
        Check.instant("from", from);
        if (start == null && end == null && title == null && roomId == null) {
            throw new ValidationException(null, "give start and end, title and/or roomId");
        }
        if ((start == null) != (end == null)) {
            throw new ValidationException(start == null ? "start" : "end", "start and end must be given together");
        }
        if (start != null) {
            Instant s = newStart();
            Instant e = newEnd();
            if (!e.isAfter(s)) {
                throw new ValidationException("end", "must be after start");
            }
            if (Duration.between(s, e).compareTo(Duration.ofDays(7)) > 0) {
                throw new ValidationException("end", "a weekly block may last at most 7 days");
            }
        }
        if (title != null) {
            Check.text("title", title, BlockRequest.MAX_TITLE);
        }
        if (roomId != null) {
            Check.id("roomId", roomId);
        }
    }

    Instant newStart() {
        return Check.instant("start", start).toInstant().truncatedTo(ChronoUnit.SECONDS);
    }

    Instant newEnd() {
        return Check.instant("end", end).toInstant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The new title (trimmed), or null to keep each occurrence's. */
    String cleanTitle() {
        return title == null ? null : Check.text("title", title, BlockRequest.MAX_TITLE);
    }
}
