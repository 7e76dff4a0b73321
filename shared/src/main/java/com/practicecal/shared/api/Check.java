package com.practicecal.shared.api;

import com.practicecal.shared.error.ValidationException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Field checks shared by every request type, so the same input is judged the same way everywhere. */
public final class Check {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()/.-]{5,30}$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private Check() {
    }

    /** A required, trimmed, single-line text of at most {@code max} characters. */
    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "is required");
        }
        return optionalText(field, value, max);
    }

    public static String optionalText(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw new ValidationException(field, "must be at most " + max + " characters");
        }
        if (CONTROL.matcher(trimmed).find()) {
            throw new ValidationException(field, "must not contain control characters");
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    public static String email(String field, String value) {
        String text = text(field, value, 254);
        if (!EMAIL.matcher(text).matches()) {
            throw new ValidationException(field, "is not a valid email address");
        }
        return text.toLowerCase(java.util.Locale.ROOT);
    }

    public static String optionalEmail(String field, String value) {
        return value == null || value.isBlank() ? null : email(field, value);
    }

    public static String optionalPhone(String field, String value) {
        String text = optionalText(field, value, 30);
        if (text != null && !PHONE.matcher(text).matches()) {
            throw new ValidationException(field, "is not a valid phone number");
        }
        return text;
    }

    public static String zone(String field, String value) {
        try {
            return ZoneId.of(text(field, value, 64)).getId();
        } catch (DateTimeException e) {
            throw new ValidationException(field, "is not a known IANA time zone");
        }
    }

    /** An ISO-8601 date-time that carries its offset (e.g. 2026-03-29T09:00:00+02:00). */
    public static OffsetDateTime instant(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "is required");
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be an ISO-8601 date-time with offset, e.g. 2026-03-29T09:00:00+02:00");
        }
    }

    /** The optional {@code limit} query parameter of a listing. */
    public static int limit(ApiRequest request, int fallback, int max) {
        if (request.query("limit").isEmpty()) {
            return fallback;
        }
        int limit;
        try {
            limit = Integer.parseInt(request.query("limit").get());
        } catch (NumberFormatException e) {
            throw new ValidationException("limit", "must be a number");
        }
        if (limit < 1 || limit > max) {
            throw new ValidationException("limit", "must be between 1 and " + max);
        }
        return limit;
    }

    public static String id(String field, String value) {
        String text = text(field, value, 64);
        if (!text.matches("[A-Za-z0-9_-]+")) {
            throw new ValidationException(field, "is not a valid id");
        }
        return text;
    }
}
