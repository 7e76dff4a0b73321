package com.practicecal.shared.event;

/** One changed field: old and new value. Only times, rooms, status and similar — never contact data or notes. */
public record Change(String from, String to) {
}
