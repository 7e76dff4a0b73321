package com.practicecal.shared.feed;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import biweekly.io.text.ICalReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rendered feed, read back with an independent parser (biweekly). */
class IcsRendererTest {
    private static final Instant START = Instant.parse("2026-03-29T07:00:00Z"); // the DST switch day in Berlin
    private static final Instant END = Instant.parse("2026-03-29T07:50:00Z");

    @Test
    void rendersEventsThatAnIndependentParserReadsBack() throws Exception {
        String ics = IcsRenderer.render(List.of(
                new FeedEntry("b1@practicecal", START, END, FeedSummary.of("Therapiesitzung", "Erika Mustermann"),
                        Instant.parse("2026-03-01T10:00:00Z")),
                new FeedEntry("busy-1@practicecal", END, END.plusSeconds(3600), FeedSummary.BUSY, END)));

        List<List<ParseWarning>> warnings = new ArrayList<>();
        ICalendar calendar;
        try (ICalReader reader = new ICalReader(new StringReader(ics))) {
            calendar = reader.readNext();
            warnings.add(reader.getWarnings());
        }
        assertThat(warnings.get(0)).isEmpty();
        assertThat(calendar.getVersion()).isEqualTo(biweekly.ICalVersion.V2_0);
        assertThat(calendar.getProductId().getValue()).isEqualTo(IcsRenderer.PRODUCT);
        assertThat(calendar.getMethod().getValue()).isEqualTo("PUBLISH");
        assertThat(calendar.getEvents()).hasSize(2);
        VEvent session = calendar.getEvents().get(0);
        assertThat(session.getUid().getValue()).isEqualTo("b1@practicecal");
        assertThat(session.getSummary().getValue()).isEqualTo("Therapiesitzung · E.M.");
        assertThat(session.getDateStart().getValue().toInstant()).isEqualTo(START);
        assertThat(session.getDateEnd().getValue().toInstant()).isEqualTo(END);
        assertThat(session.getDateTimeStamp().getValue().toInstant()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        VEvent busy = calendar.getEvents().get(1);
        assertThat(busy.getSummary().getValue()).isEqualTo("Belegt");
        assertThat(busy.getDescription()).isNull();
        assertThat(busy.getLocation()).isNull();
        assertThat(ics).contains("\r\n").contains("DTSTART:20260329T070000Z")
                .contains("REFRESH-INTERVAL;VALUE=DURATION:PT15M\r\n");
        assertThat(Biweekly.parse(ics).all()).hasSize(1);
    }

    @Test
    void sameEntriesRenderTheSameBytes() {
        List<FeedEntry> entries = List.of(new FeedEntry("b1@practicecal", START, END, "Termin", START));
        assertThat(IcsRenderer.render(entries)).isEqualTo(IcsRenderer.render(entries));
        assertThat(FeedDocument.of(IcsRenderer.render(entries)).etag())
                .isEqualTo(FeedDocument.of(IcsRenderer.render(entries)).etag());
    }

    @Test
    void anEmptyFeedIsAValidCalendar() {
        ICalendar calendar = Biweekly.parse(IcsRenderer.render(List.of())).first();
        assertThat(calendar).isNotNull();
        assertThat(calendar.getEvents()).isEmpty();
    }

    @Test
    void aSeriesOccurrenceNamesItsSeries() {
        java.time.Instant start = java.time.Instant.parse("2027-03-09T09:00:00Z");
        String ics = IcsRenderer.render(List.of(new FeedEntry("b1@practicecal", start, start.plusSeconds(3000),
                "Termin · E.M.", start, "s1@series.practicecal"), new FeedEntry("b2@practicecal", start.plusSeconds(7200),
                start.plusSeconds(9000), "Termin", start)));
        ICalendar calendar = Biweekly.parse(ics).first();
        assertThat(calendar.getEvents().get(0).getRelatedTo()).singleElement()
                .satisfies(r -> assertThat(r.getValue()).isEqualTo("s1@series.practicecal"));
        assertThat(calendar.getEvents().get(1).getRelatedTo()).isEmpty();
    }
}
