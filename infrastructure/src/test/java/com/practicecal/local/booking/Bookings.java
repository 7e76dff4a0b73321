package com.practicecal.local.booking;

import static com.practicecal.local.Times.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.local.ApiClient;
import com.practicecal.local.ApiResult;
import com.practicecal.local.TestUser;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small vocabulary for booking tests: rooms, request bodies, local times in the practice's zone. */
final class Bookings {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private Bookings() {
    }

    static String createRoom(ApiClient api, TestUser owner, String name) {
        ApiResult created = api.post("/v1/rooms", Map.of("name", name), owner.accessToken());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.field("id");
    }

    /** An ISO-8601 time with offset for a local Berlin date and time. */
    static String at(LocalDate date, int hour, int minute) {
        return berlin(date, hour, minute);
    }

    /** A date well in the future, so "must be in the future" never interferes. */
    static LocalDate futureDay(int offsetDays) {
        return LocalDate.now(BERLIN).plusDays(40 + offsetDays);
    }

    static Map<String, Object> booking(String roomId, String start, String end, String clientName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("roomId", roomId);
        body.put("start", start);
        body.put("end", end);
        body.put("client", Map.of("name", clientName, "email", "client@example.org", "phone", "+49 30 1234567"));
        return body;
    }
}
