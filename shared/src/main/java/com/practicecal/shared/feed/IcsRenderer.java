package com.practicecal.shared.feed;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.RelatedTo;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/** Renders feed entries as an RFC 5545 calendar (ical4j; times in UTC, so no VTIMEZONE is needed). */
public final class IcsRenderer {
    public static final String CONTENT_TYPE = "text/calendar; charset=utf-8";
    public static final String PRODUCT = "-//practicecal//calendar feed//DE";
    public static final String CALENDAR_NAME = "practicecal";
    public static final Duration REFRESH = Duration.ofMinutes(15);

    private IcsRenderer() {
    }

    public static String render(List<FeedEntry> entries) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", CALENDAR_NAME));
        calendar.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH)); // RFC 7986: VALUE required
        calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
        for (FeedEntry entry : entries) {
            VEvent event = new VEvent(false); // no DTSTAMP of "now": the stamp is the entry's
            event.add(new Uid(entry.uid()));
            event.add(new DtStamp(entry.stamp()));
            event.add(new DtStart<>(entry.start()));
            event.add(new DtEnd<>(entry.end()));
            event.add(new Summary(entry.summary()));
            if (entry.seriesUid() != null) {
                event.add(new RelatedTo(entry.seriesUid()));
            }
            event.add(ImmutableTransp.OPAQUE);
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("calendar feed did not render", e);
        }
        return out.toString();
    }
}
