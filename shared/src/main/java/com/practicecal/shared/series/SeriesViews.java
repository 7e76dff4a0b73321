package com.practicecal.shared.series;

import com.practicecal.shared.booking.BookingView;
import java.time.OffsetDateTime;
import java.util.List;

/** Responses of the series routes. */
public final class SeriesViews {
    private SeriesViews() {
    }

    /** 201 of POST /v1/booking-series: what was booked, and each occurrence that was not, with why. */
    public record Created(String id, List<BookingView> bookings, List<Skipped> skipped) {
    }

    public record Skipped(OffsetDateTime start, OffsetDateTime end, String code) {
    }

    /** POST /v1/booking-series/preview: every occurrence, {@code free} or the code it would be skipped with. */
    public record Preview(List<PreviewOccurrence> occurrences) {
    }

    public record PreviewOccurrence(OffsetDateTime start, OffsetDateTime end, boolean free, String code) {
    }

    /** GET /v1/booking-series/{id}: every occurrence with its booking (as it is now) or SKIPPED. */
    public record View(String id, Recurrence recurrence, List<Occurrence> occurrences) {
    }

    public record Occurrence(int index, String bookingId, String roomId, OffsetDateTime start, OffsetDateTime end,
                             String status) {
    }

    /** DELETE and PATCH: the occurrences changed, and those that could not be, with the code. */
    public record Changed(String id, List<String> changed, List<NotChanged> notChanged) {
    }

    public record NotChanged(String bookingId, OffsetDateTime start, OffsetDateTime end, String code) {
    }
}
