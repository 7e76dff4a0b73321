package com.practicecal.shared.online;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.shared.json.Json;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BookingSettingsViewTest {
    @Test
    void workingHoursAreWrittenAsTheyAreSent() {
        BookingSettings settings = new BookingSettings(Map.of(DayOfWeek.FRIDAY, List.of(
                new BookingSettings.TimeRange(LocalTime.of(9, 0), LocalTime.of(12, 30))),
                DayOfWeek.MONDAY, List.of(new BookingSettings.TimeRange(LocalTime.of(8, 5), LocalTime.of(17, 0)))),
                List.of(), 60, 30, 60, 60, 2, null);
        String json = Json.write(BookingSettingsView.of(settings));
        assertThat(json).contains("\"MONDAY\":[{\"from\":\"08:05\",\"to\":\"17:00\"}]")
                .contains("\"FRIDAY\":[{\"from\":\"09:00\",\"to\":\"12:30\"}]").doesNotContain(":00:00");
        assertThat(json.indexOf("MONDAY")).as("weekdays in order").isLessThan(json.indexOf("FRIDAY"));
        // the stored form is unchanged (LocalTime), so settings stored before read as before
        assertThat(Json.write(settings)).contains("09:00");
    }
}
