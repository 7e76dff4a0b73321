package com.practicecal.shared.online;

import com.practicecal.shared.account.Membership;
import com.practicecal.shared.auth.AccessPolicy;
import com.practicecal.shared.auth.Principal;
import com.practicecal.shared.booking.Booking;
import com.practicecal.shared.booking.BookingCaller;
import com.practicecal.shared.booking.BookingItem;
import com.practicecal.shared.booking.BookingService;
import com.practicecal.shared.booking.BookingStatus;
import com.practicecal.shared.booking.BookingView;
import com.practicecal.shared.booking.Idempotency;
import com.practicecal.shared.booking.Interval;
import com.practicecal.shared.booking.OnlineLimits;
import com.practicecal.shared.error.ConflictException;
import com.practicecal.shared.error.DomainException;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.NotFoundException;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.event.Events;
import com.practicecal.shared.online.OnlineBookingRequests.PublicBookingRequest;
import com.practicecal.shared.online.OnlineBookingRequests.PublicBookingView;
import com.practicecal.shared.online.OnlineBookingRequests.RescheduleRequest;
import com.practicecal.shared.online.OnlineBookingRequests.SlotQuery;
import com.practicecal.shared.online.OnlineBookingRequests.SlotView;
import com.practicecal.shared.online.OnlineBookingRequests.Slots;
import com.practicecal.shared.store.Keys;
import com.practicecal.shared.store.MainTable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Online booking by clients without login: slots (advisory), booking, and cancel/reschedule with the manage
 * token, under the therapist's rules. The booking itself goes through {@link BookingService}, so the same
 * conditional transaction that guards every other path decides.
 */
@Singleton
@io.micronaut.context.annotation.Requires(classes = {software.amazon.awssdk.services.sesv2.SesV2Client.class,
        software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.class})
public class OnlineBookingService {
    /** Always with seconds (OffsetDateTime.toString drops ":00", which is not RFC 3339). */
    private static final java.time.format.DateTimeFormatter RFC_3339 = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private final MainTable table;
    private final AccessPolicy access;
    private final AvailabilityReader reader;
    private final BookingService bookings;
    private final ManageTokens tokens;
    private final ConfirmationMail mail;
    private final Clock clock;

    public OnlineBookingService(MainTable table, AccessPolicy access, AvailabilityReader reader, BookingService bookings,
                                ManageTokens tokens, ConfirmationMail mail, Clock clock) {
        this.table = table;
        this.access = access;
        this.reader = reader;
        this.bookings = bookings;
        this.tokens = tokens;
        this.mail = mail;
        this.clock = clock;
    }

    public BookingSettingsView settings(Principal principal) {
        Membership me = access.member(principal, com.practicecal.shared.staff.StaffScopes.APPOINTMENTS);
        return BookingSettingsView.of(reader.therapist(me.accountId()).settings());
    }

    public BookingSettingsView saveSettings(Principal principal, BookingSettingsRequest request, String requestId) {
        Membership me = access.owner(principal);
        BookingSettings settings = request.toSettings();
        Events events = access.events(me, requestId, clock.instant());
        table.write(table.transaction()
                .put(BookingSettingsItem.TAG, BookingSettingsItem.toItem(me.accountId(), settings), null)
                .with(events.emit(me.accountId(), "settings.booking_changed", "account",
                        me.accountId(), Map.of())));
        return BookingSettingsView.of(settings);
    }

    /** What the public booking page shows before any slot: the practice, its zone and its bookable services. */
    public record PublicService(String id, String name, int durationMinutes) {
    }

    public record PublicTherapist(String therapistId, String practiceName, String timeZone,
                                  List<PublicService> services, String contactHint) {
    }

    /**
     * The therapist's public profile (anonymous): practice name, time zone, services (id, name, duration; no
     * buffers) and the contact hint — nothing a client may not see. One eventually consistent read.
     */
    public PublicTherapist publicTherapist(String therapistId) {
        AvailabilityReader.TherapistRead read = reader.therapist(therapistId, new Keys(), false);
        AvailabilityReader.Therapist therapist = read.therapist();
        BookingSettings rules = therapist.settings();
        return new PublicTherapist(therapistId, read.name(),
                therapist.zone().getId(),
                rules.services().stream().map(sv -> new PublicService(sv.id(), sv.name(), sv.durationMinutes())).toList(),
                rules.contactHint());
    }

    public Slots slots(String therapistId, SlotQuery query) {
        AvailabilityReader.Therapist therapist = reader.therapist(therapistId, new Keys(), false).therapist();
        BookingSettings.Service service = service(therapist.settings(), query.serviceId(), "serviceId");
        Instant now = clock.instant();
        Instant latest = now.plus(Duration.ofDays(therapist.settings().horizonDays()));
        Instant to = query.to().isAfter(latest) ? latest.plus(Duration.ofMinutes(service.durationMinutes())) : query.to();
        if (!to.isAfter(query.from())) {
            return new Slots(therapistId, service.id(), service.durationMinutes(), List.of());
        }
        SlotFinder.Availability availability = reader.availability(therapist,
                new Interval(query.from().minus(Duration.ofHours(12)), to.plus(Duration.ofHours(12))));
        List<SlotView> slots = SlotFinder.slots(availability, service, query.from(), to, now).stream()
                .map(s -> new SlotView(local(s.start(), therapist.zone()), local(s.end(), therapist.zone()), s.roomId()))
                .toList();
        return new Slots(therapistId, service.id(), service.durationMinutes(), slots);
    }

    public PublicBookingView book(String therapistId, PublicBookingRequest request, Optional<String> idempotencyKey,
                                  String requestId) {
        return book(therapistId, request, idempotencyKey, requestId, null);
    }

    /** @param requestOrigin scheme and host the request came in on, for the manage link when no app origin is set */
    public PublicBookingView book(String therapistId, PublicBookingRequest request, Optional<String> idempotencyKey,
                                  String requestId, String requestOrigin) {
        BookingCaller caller = BookingCaller.publicClient(therapistId);
        Optional<Idempotency> idempotency = Idempotency.of(idempotencyKey, caller.idempotencyScope(),
                "POST /v1/public/therapists/" + therapistId + "/bookings", request);
        // a retry of a booking that succeeded finds its own booking in the slot: the record is read (with the
        // therapist) and answered from first
        AvailabilityReader.TherapistRead first = reader.therapist(therapistId,
                idempotency.map(Idempotency::keys).orElseGet(Keys::new));
        AvailabilityReader.Therapist therapist = first.therapist();
        if (idempotency.isPresent()) {
            var replay = idempotency.get().replay(first.items(), BookingView.class, clock.instant());
            if (replay.isPresent()) {
                return receipt(replay.get(), therapist.zone());
            }
        }
        BookingSettings.Service service = service(therapist.settings(), request.serviceId(), "serviceId");
        Instant start = request.startInstant();
        Interval appointment = new Interval(start, start.plus(Duration.ofMinutes(service.durationMinutes())));
        for (int attempt = 1; ; attempt++) {
            AvailabilityReader.Snapshot snapshot = reader.snapshot(therapist, around(appointment, service), null);
            List<String> rooms = roomsFor(snapshot.availability(), service, appointment, clock.instant());
            try {
                PublicBookingView booked = bookFirstFreeRoom(caller, therapist, service, request, appointment, rooms,
                        snapshot, idempotency, requestId);
                if (requestOrigin != null) {
                    mail.send(request.client().toClient(), booked.bookingId(), booked.manageToken(), service.name(),
                            appointment.start().atZone(therapist.zone()), requestOrigin);
                }
                return booked;
            } catch (BookingService.TherapistCalendarChanged changed) {
                if (attempt >= 3) {
                    throw new ConflictException(ErrorCodes.SLOT_TAKEN, "this time is no longer available");
                }
            }
        }
    }

    private PublicBookingView bookFirstFreeRoom(BookingCaller caller, AvailabilityReader.Therapist therapist,
                                                BookingSettings.Service service, PublicBookingRequest request,
                                                Interval appointment, List<String> rooms,
                                                AvailabilityReader.Snapshot snapshot, Optional<Idempotency> idempotency,
                                                String requestId) {
        DomainException last = new ConflictException(ErrorCodes.SLOT_TAKEN, "this time is no longer available");
        for (String room : rooms) {
            try {
                String bookingId = java.util.UUID.randomUUID().toString();
                var client = request.client().toClient();
                BookingService.NewBooking booking = new BookingService.NewBooking(bookingId, room, appointment, client,
                        service.id(), ManageTokens.hash(tokens.tokenFor(bookingId)), snapshot.therapistDayVersions(),
                        new OnlineLimits(therapist.accountId(), client.email(), therapist.settings().maxOnlineBookingsPerDay(),
                                therapist.settings().maxFutureBookingsPerClient()));
                BookingView view = bookings.create(caller, booking, idempotency, requestId);
                return receipt(view, therapist.zone());
            } catch (ConflictException taken) {
                if (!ErrorCodes.ROOM_TAKEN.equals(taken.code())) {
                    throw taken;
                }
                last = new ConflictException(ErrorCodes.SLOT_TAKEN, "this time was just taken; please pick another");
            }
        }
        throw last;
    }

    public void cancel(String bookingId, Optional<String> token, String requestId) {
        Booking booking = presented(bookingId, token);
        AvailabilityReader.Therapist therapist = reader.therapist(booking.accountId());
        BookingSettings rules = therapist.settings();
        bookings.cancel(BookingCaller.publicClient(booking.accountId()), bookingId, current -> {
            requireToken(current, token);
            requireNotice(current, rules.cancellationNoticeMinutes(), ErrorCodes.CANCELLATION_TOO_LATE, "cancel", rules);
        }, requestId);
    }

    public PublicBookingView reschedule(String bookingId, Optional<String> token, RescheduleRequest request,
                                        Optional<String> idempotencyKey, String requestId) {
        Booking booking = presented(bookingId, token);
        if (booking.status() == BookingStatus.CANCELLED) {
            throw new ConflictException(ErrorCodes.BOOKING_CANCELLED, "this appointment was cancelled");
        }
        AvailabilityReader.Therapist therapist = reader.therapist(booking.accountId());
        BookingSettings rules = therapist.settings();
        BookingSettings.Service service = service(rules, booking.serviceId(), "start");
        Instant start = request.startInstant();
        Interval appointment = new Interval(start, start.plus(Duration.ofMinutes(service.durationMinutes())));
        BookingCaller caller = BookingCaller.publicClient(booking.accountId());
        for (int attempt = 1; ; attempt++) {
            AvailabilityReader.Snapshot snapshot = reader.snapshot(therapist, around(appointment, service), bookingId);
            List<String> rooms = roomsFor(snapshot.availability(), service, appointment, clock.instant());
            String room = rooms.contains(booking.roomId()) ? booking.roomId() : rooms.get(0);
            try {
                BookingView view = bookings.move(caller, bookingId, Optional.of(room), Optional.of(appointment), true,
                        current -> {
                            requireToken(current, token);
                            requireNotice(current, rules.rescheduleNoticeMinutes(), ErrorCodes.RESCHEDULE_TOO_LATE,
                                    "reschedule", rules);
                            if (current.rescheduleCount() >= rules.maxReschedules()) {
                                throw new ConflictException(ErrorCodes.RESCHEDULE_LIMIT_REACHED, "this appointment was "
                                        + "already moved " + current.rescheduleCount() + " time(s); please contact the practice"
                                        + hint(rules));
                            }
                        }, snapshot.therapistDayVersions(), Idempotency.of(idempotencyKey, caller.idempotencyScope(),
                                "PATCH /v1/public/bookings/" + bookingId, request), requestId);
                return receipt(view, therapist.zone());
            } catch (BookingService.TherapistCalendarChanged changed) {
                if (attempt >= 3) {
                    throw new ConflictException(ErrorCodes.SLOT_TAKEN, "this time is no longer available");
                }
            }
        }
    }

    /** The free rooms for a requested appointment, after the therapist's rules; 422/409 say why there are none. */
    private static List<String> roomsFor(SlotFinder.Availability availability, BookingSettings.Service service,
                                         Interval appointment, Instant now) {
        BookingSettings rules = availability.settings();
        if (appointment.start().isBefore(now.plus(Duration.ofMinutes(rules.minimumNoticeMinutes())))) {
            throw new ValidationException(ErrorCodes.TOO_SHORT_NOTICE, "start",
                    "online bookings need at least " + rules.minimumNoticeMinutes() + " minutes' notice");
        }
        if (appointment.start().isAfter(now.plus(Duration.ofDays(rules.horizonDays())))) {
            throw new ValidationException(ErrorCodes.BEYOND_HORIZON, "start",
                    "online bookings are open " + rules.horizonDays() + " days ahead");
        }
        if (!SlotFinder.withinWorkingHours(availability, service, appointment.start())) {
            throw new ValidationException(ErrorCodes.OUTSIDE_WORKING_HOURS, "start", "outside the therapist's working hours");
        }
        List<String> rooms = SlotFinder.freeRooms(availability, appointment);
        if (rooms.isEmpty() || SlotFinder.check(availability, service, appointment.start(),
                SlotFinder.therapistBusy(availability)).isEmpty()) {
            throw new ConflictException(ErrorCodes.SLOT_TAKEN, "this time is no longer available");
        }
        return rooms;
    }

    private Booking presented(String bookingId, Optional<String> token) {
        Booking booking = table.get(BookingItem.key(bookingId)).map(BookingItem::fromItem)
                .orElseThrow(() -> new NotFoundException(ErrorCodes.NOT_FOUND, "booking not found"));
        requireToken(booking, token);
        return booking;
    }

    /** A wrong or missing token reads like an unknown booking: guessing learns nothing. */
    private static void requireToken(Booking booking, Optional<String> token) {
        if (booking.manageTokenHash() == null || !ManageTokens.matches(token.orElse(null), booking.manageTokenHash())) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "booking not found");
        }
    }

    private void requireNotice(Booking booking, int noticeMinutes, String code, String what, BookingSettings rules) {
        if (booking.interval().start().isBefore(clock.instant().plus(Duration.ofMinutes(noticeMinutes)))) {
            throw new ConflictException(code, "appointments can be " + what + "ed online until " + noticeMinutes
                    + " minutes before they start; please contact the practice" + hint(rules));
        }
    }

    private static String hint(BookingSettings rules) {
        return rules.contactHint() == null ? "" : ": " + rules.contactHint();
    }

    private static BookingSettings.Service service(BookingSettings settings, String id, String field) {
        return settings.service(id).orElseThrow(() -> new ValidationException(field, "unknown service"));
    }

    private static Interval around(Interval appointment, BookingSettings.Service service) {
        return new Interval(appointment.start().minus(Duration.ofMinutes(service.bufferBeforeMinutes())),
                appointment.end().plus(Duration.ofMinutes(service.bufferAfterMinutes())));
    }

    private PublicBookingView receipt(BookingView view, ZoneId zone) {
        return new PublicBookingView(view.id(), RFC_3339.format(view.start()), RFC_3339.format(view.end()), view.serviceId(),
                tokens.tokenFor(view.id()));
    }

    private static String local(Instant instant, ZoneId zone) {
        return RFC_3339.format(instant.atZone(zone).toOffsetDateTime());
    }

}
