package com.practicecal.shared.plan;

import com.practicecal.shared.error.ValidationException;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * The plans and everything they gate, in one place. A limit of {@code UNLIMITED} means no cap.
 */
public enum Plan {
    S(30, 1, false, false),
    M(100, 2, false, false),
    L(Limits.UNLIMITED, 10, true, false),
    XL(Limits.UNLIMITED, 25, true, true);

    private final int monthlyAppointments;
    private final int rooms;
    private final boolean delegation;
    private final boolean staff;

    Plan(int monthlyAppointments, int rooms, boolean delegation, boolean staff) {
        this.monthlyAppointments = monthlyAppointments;
        this.rooms = rooms;
        this.delegation = delegation;
        this.staff = staff;
    }

    private static final class Limits {
        static final int UNLIMITED = -1;
    }

    /** The monthly appointment cap, empty when uncapped. */
    public OptionalInt monthlyAppointmentCap() {
        return monthlyAppointments < 0 ? OptionalInt.empty() : OptionalInt.of(monthlyAppointments);
    }

    /**
     * The part of the monthly cap online bookings may use: two thirds (S: 20 of 30, M: 66 of 100). The rest is
     * reserved for the practice's own bookings, so a script cannot book the therapist out of her own calendar.
     */
    public OptionalInt monthlyOnlineCap() {
        return monthlyAppointmentCap().stream().map(cap -> cap - (cap + 2) / 3).findFirst();
    }

    public int maxRooms() {
        return rooms;
    }

    public boolean allowsDelegation() {
        return delegation;
    }

    public boolean allowsStaff() {
        return staff;
    }

    public static Plan parse(String field, String value) {
        if (value == null) {
            throw new ValidationException(field, "is required");
        }
        return Arrays.stream(values()).filter(p -> p.name().equals(value.strip())).findFirst()
                .orElseThrow(() -> new ValidationException(field, "must be one of S, M, L, XL"));
    }
}
