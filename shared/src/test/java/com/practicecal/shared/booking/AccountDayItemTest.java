package com.practicecal.shared.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.shared.store.Attr;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class AccountDayItemTest {
    private final Booking booking = new Booking("b1", "acc-1", "r1",
            new Interval(Instant.parse("2026-12-01T23:30:00Z"), Instant.parse("2026-12-02T00:30:00Z")),
            BookingStatus.CONFIRMED, new Client("Erika Mustermann", "erika@example.test", "+49 170 1"), "u1",
            Instant.parse("2026-11-27T10:00:00Z"), "u2", Instant.parse("2026-11-27T11:00:00Z"), 3, "svc-1",
            "token-hash", 1);

    @Test
    void anAgendaEntryKeepsWhatTheCalendarShowsButNotTheTokenHash() {
        AttributeValue entry = AgendaEntry.of(booking);
        assertThat(entry.s()).doesNotContain("token-hash");
        assertThat(AgendaEntry.read(entry)).isEqualTo(new Booking(booking.id(), booking.accountId(), booking.roomId(),
                booking.interval(), booking.status(), booking.client(), booking.createdBy(), booking.createdAt(),
                booking.updatedBy(), booking.updatedAt(), booking.version(), booking.serviceId(), null,
                booking.rescheduleCount()));
    }

    @Test
    void anEntryWrittenByANewerVersionWithMoreFieldsIsStillRead() {
        String newer = AgendaEntry.of(booking).s().replaceFirst("\\{", "{\"colour\":\"green\",");
        assertThat(AgendaEntry.read(AttributeValue.fromS(newer)).id()).isEqualTo("b1");
    }

    @Test
    void theAgendaIsEveryEntryOfTheDayAndNothingElse() {
        Map<String, AttributeValue> item = new HashMap<>(AccountDayItem.key("acc-1", LocalDate.parse("2026-12-01")));
        item.put(AccountDayItem.VERSION, Attr.n(7));
        item.put(AccountDayItem.ENTRY_PREFIX + "b1", AgendaEntry.of(booking));
        assertThat(AccountDayItem.agenda(item)).extracting(Booking::id).containsExactly("b1");
        assertThat(AccountDayItem.version(item)).isEqualTo(7);
        assertThat(AccountDayItem.agenda(null)).isEmpty();
    }
}
