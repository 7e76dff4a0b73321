package com.practicecal.shared.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.practicecal.shared.audit.AuditQuery;
import com.practicecal.shared.calendar.CalendarQuery;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.online.OnlineBookingRequests.SlotQuery;
import java.time.Instant;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.Test;

/** The listing and range parameters as the domain parses them from plain values (no HTTP types involved). */
class QueryParsingTest {
    private static String field(Executable parse) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> {
            try {
                parse.execute();
            } catch (RuntimeException r) {
                throw r;
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
        });
        assertThat(e).isNotNull();
        return e.field();
    }

    @Test
    void bookingQuery() {
        BookingQuery q = BookingQuery.parse("2026-03-01T00:00:00Z", "2026-03-08T00:00:00+01:00", null, null);
        assertThat(q.from()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(q.to()).isEqualTo(Instant.parse("2026-03-07T23:00:00Z"));
        assertThat(q.limit()).isEqualTo(BookingQuery.DEFAULT_LIMIT);
        assertThat(q.cursor()).isNull();
        assertThat(BookingQuery.parse("2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z", "7", " c ").limit()).isEqualTo(7);
        assertThat(field(() -> BookingQuery.parse(null, "2026-03-02T00:00:00Z", null, null))).isEqualTo("from");
        assertThat(field(() -> BookingQuery.parse("2026-03-01T00:00:00Z", null, null, null))).isEqualTo("to");
        assertThat(field(() -> BookingQuery.parse("2026-03-01T00:00:00Z", "2026-03-01T00:00:00Z", null, null)))
                .isEqualTo("to");
        assertThat(field(() -> BookingQuery.parse("2026-01-01T00:00:00Z", "2026-04-03T00:00:01Z", null, null)))
                .isEqualTo("to"); // 92 days and a second
        assertThat(BookingQuery.parse("2026-01-01T00:00:00Z", "2026-04-03T00:00:00Z", null, null).to())
                .isEqualTo(Instant.parse("2026-04-03T00:00:00Z"));
        for (String bad : new String[] {"0", "501", "x", "1.5"}) {
            assertThat(field(() -> BookingQuery.parse("2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z", bad, null)))
                    .as(bad).isEqualTo("limit");
        }
    }

    @Test
    void calendarAndSlotRangesAreAtMost31Days() {
        assertThat(CalendarQuery.parse("2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z").to())
                .isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
        assertThat(field(() -> CalendarQuery.parse("2026-03-01T00:00:00Z", "2026-04-01T00:00:01Z"))).isEqualTo("to");
        assertThat(field(() -> CalendarQuery.parse("yesterday", "2026-04-01T00:00:00Z"))).isEqualTo("from");
        assertThat(SlotQuery.parse("2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z", "s1").serviceId()).isEqualTo("s1");
        assertThat(field(() -> SlotQuery.parse("2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z", null)))
                .isEqualTo("serviceId");
        assertThat(field(() -> SlotQuery.parse("2026-03-01T00:00:00Z", "2026-04-02T00:00:00Z", "s1"))).isEqualTo("to");
    }

    @Test
    void auditQueryDefaultsToTheLast30Days() {
        Instant now = Instant.parse("2026-03-31T12:00:00Z");
        AuditQuery q = AuditQuery.parse(new AuditQuery.Params(null, null, null, null, null, null, null), now);
        assertThat(q.to()).isEqualTo(now);
        assertThat(q.from()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(q.limit()).isEqualTo(AuditQuery.DEFAULT_LIMIT);
        assertThat(field(() -> AuditQuery.parse(new AuditQuery.Params(null, null, null, null, null, "501", null), now)))
                .isEqualTo("limit");
        assertThat(AuditQuery.full(null)).isFalse();
        assertThat(AuditQuery.full("true")).isTrue();
        assertThat(field(() -> AuditQuery.full("yes"))).isEqualTo("full");
    }
}
