package com.practicecal.shared.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.booking.Booking;
import com.practicecal.shared.booking.BookingItem;
import com.practicecal.shared.booking.BookingStatus;
import com.practicecal.shared.booking.BookingView;
import com.practicecal.shared.booking.Client;
import com.practicecal.shared.booking.Interval;
import com.practicecal.shared.clientrecord.ClientItem;
import com.practicecal.shared.clientrecord.ClientRecord;
import com.practicecal.shared.json.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientViewsTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant T = Instant.parse("2026-12-07T09:00:00Z");

    private static Booking booking(Client client) {
        return new Booking("b1", "acc", "room", new Interval(T, T.plusSeconds(3000)), BookingStatus.CONFIRMED, client,
                "u", T, "u", T, 1);
    }

    private static ClientRecord record(String first, String last) {
        return new ClientRecord("c1", "acc", first, last, "erika@private.test", "+49 170 1", LocalDate.of(1980, 1, 2),
                "vertraulich", ClientRecord.SOURCE_MANUAL, ClientRecord.ACTIVE, null, "u", T, T, 1);
    }

    @Test
    void granteeSeesFirstNameAndLastInitialOfTheStoredNamesAndNoContactData() {
        BookingView owner = BookingView.of(booking(Client.of(record("María José", "García López"))), BERLIN);
        BookingView grantee = owner.forGrantee();
        assertThat(grantee.client().name()).isEqualTo("María G.");
        assertThat(grantee.client().email()).isNull();
        assertThat(grantee.createdBy()).isNull();
        assertThat(grantee.clientId()).isEqualTo("c1");
        String json = Json.write(grantee);
        assertThat(json).doesNotContain("García").doesNotContain("José").doesNotContain("minimal");
    }

    @Test
    void theTodayBugIsGone() {
        BookingView typed = BookingView.of(booking(new Client("Mustermann, Erika", "e@x.test", null)), BERLIN);
        assertThat(typed.forGrantee().client().name()).isEqualTo("Erika M.");
        BookingView nbsp = BookingView.of(booking(new Client("Erika\u00A0Mustermann", null, null)), BERLIN);
        assertThat(nbsp.forGrantee().client().name()).isEqualTo("Erika M.");
    }

    @Test
    void aReplayedViewStillProjectsExactly() throws Exception {
        BookingView owner = BookingView.of(booking(Client.of(record("Erika", "Mustermann"))), BERLIN);
        String stored = Json.write(owner);
        assertThat(stored).doesNotContain("minimalName");
        BookingView replayed = Json.MAPPER.readValue(stored, BookingView.class);
        assertThat(replayed.client().name()).isEqualTo("Erika Mustermann");
        assertThat(replayed.forGrantee().client().name()).isEqualTo("Erika M.");
    }

    @Test
    void anErasedClientLeavesNothingOnTheBooking() {
        BookingView view = BookingView.of(booking(Client.erased()), BERLIN);
        assertThat(Json.write(view)).contains("\"client\":{\"erased\":true}");
        assertThat(view.forGrantee().client().erased()).isTrue();
    }

    @Test
    void searchCountsEachClientOnceAndNeedsEveryWord() {
        List<String> tokens = List.of("anna", "annabell", "muller", "mueller");
        var viaAnna = new ClientItem.Entry("c1", "Anna Annabell", "Müller", "anna", tokens);
        var viaAnnabell = new ClientItem.Entry("c1", "Anna Annabell", "Müller", "annabell", tokens);
        assertThat(ClientService.counts(viaAnna, List.of("ann"))).isTrue();
        assertThat(ClientService.counts(viaAnnabell, List.of("ann"))).isFalse();
        assertThat(ClientService.counts(viaAnnabell, List.of("annab"))).isTrue();
        assertThat(ClientService.counts(viaAnna, List.of("ann", "mue"))).isTrue();
        assertThat(ClientService.counts(viaAnna, List.of("ann", "schmidt"))).isFalse();
    }

    @Test
    void recordsAndDirectoryEntriesNeverPrintPersonalData() {
        ClientRecord r = record("Erika", "Mustermann");
        assertThat(r.toString()).doesNotContain("Erika");
        assertThat(Client.of(r).toString()).doesNotContain("Erika");
        assertThat(ClientItem.directory(r)).extracting(i -> i.get("SK").s())
                .contains("T#erika#c1", "T#mustermann#c1", "A#mustermann erika#c1");
        ClientRecord tomb = ClientItem.fromItem(ClientItem.tombstone(r, ClientRecord.ERASED, null, T));
        assertThat(tomb.firstName()).isNull();
        assertThat(tomb.email()).isNull();
        assertThat(tomb.notes()).isNull();
        assertThat(tomb.version()).isEqualTo(2);
    }

    @Test
    void aClientsBookingLinkIsKeyedByTheBookingsOwnPrefix() {
        // stored links keep their keys: CLIENT#<id> / BOOKING#<bookingId>, the booking item's partition key
        assertThat(ClientItem.linkKey("c1", "b1").get("SK").s()).isEqualTo(BookingItem.PREFIX + "b1")
                .isEqualTo("BOOKING#b1");
        assertThat(ClientItem.link("c1", "acc", "b1").get("PK").s()).isEqualTo("CLIENT#c1");
        assertThat(ClientItem.linkedBookingId(ClientItem.link("c1", "acc", "b1"))).isEqualTo("b1");
    }
}
