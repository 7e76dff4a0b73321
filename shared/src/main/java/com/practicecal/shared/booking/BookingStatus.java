package com.practicecal.shared.booking;

public enum BookingStatus {
    CONFIRMED, CANCELLED
}
