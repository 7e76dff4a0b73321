package com.practicecal.shared.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.practicecal.shared.booking.BookingQuery;
import com.practicecal.shared.calendar.CalendarQuery;
import com.practicecal.shared.error.ValidationException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared query parameters of the own and the delegated booking and calendar routes. */
class QueryParametersTest {
    private static ApiRequest withQuery(Map<String, String> query) {
        return new ApiRequest(APIGatewayV2HTTPEvent.builder().withQueryStringParameters(query).build());
    }

    @Test
    void bookingListsReadRangeLimitAndCursor() {
        BookingQuery query = QueryParameters.bookings(withQuery(Map.of("from", "2026-01-05T00:00:00Z",
                "to", "2026-01-12T00:00:00Z", "limit", "7", "cursor", "abc")));
        assertThat(query).isEqualTo(new BookingQuery(Instant.parse("2026-01-05T00:00:00Z"),
                Instant.parse("2026-01-12T00:00:00Z"), 7, "abc"));
        assertThat(QueryParameters.bookings(withQuery(Map.of("from", "2026-01-05T00:00:00Z",
                "to", "2026-01-12T00:00:00Z"))).limit()).isEqualTo(BookingQuery.DEFAULT_LIMIT);
    }

    @Test
    void theCalendarReadsItsRange() {
        CalendarQuery query = QueryParameters.calendar(withQuery(Map.of("from", "2026-01-05T00:00:00Z",
                "to", "2026-01-12T00:00:00Z", "limit", "7")));
        assertThat(query).isEqualTo(new CalendarQuery(Instant.parse("2026-01-05T00:00:00Z"),
                Instant.parse("2026-01-12T00:00:00Z")));
    }

    @Test
    void aParameterWithoutValueIsRefusedNamingIt() {
        for (Map<String, String> query : java.util.List.of(Map.of("from", "2026-01-05T00:00:00Z", "to", ""),
                Map.of("from", "", "to", "2026-01-12T00:00:00Z"))) {
            String missing = query.get("to").isEmpty() ? "to" : "from";
            ValidationException bookings = catchThrowableOfType(ValidationException.class,
                    () -> QueryParameters.bookings(withQuery(query)));
            ValidationException calendar = catchThrowableOfType(ValidationException.class,
                    () -> QueryParameters.calendar(withQuery(query)));
            assertThat(bookings.field()).isEqualTo(missing);
            assertThat(calendar.field()).isEqualTo(missing);
            assertThat(bookings.status()).isEqualTo(422);
        }
    }
}
