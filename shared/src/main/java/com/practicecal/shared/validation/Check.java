package com.practicecal.shared.validation;

import com.practicecal.shared.error.ValidationException;
import java.text.Normalizer;
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

    /**
     * The one normalised form every email is compared and keyed by: an address that NFKC would change is refused
     * (so {@code ſ} can never stand for {@code s}), then ASCII letters are lower-cased (nothing else is folded).
     */
    public static String email(String field, String value) {
        String text = text(field, value, 254);
        if (!Normalizer.isNormalized(text, Normalizer.Form.NFKC)) {
            throw new ValidationException(field, "must not change under Unicode NFKC normalisation");
        }
        if (!EMAIL.matcher(text).matches()) {
            throw new ValidationException(field, "is not a valid email address");
        }
        return lowerCaseAscii(text);
    }

    /**
     * Whether two stored or given addresses are the same in the normalised form; an address that NFKC would change is
     * the same as nothing (it can never have been accepted).
     */
    public static boolean sameEmail(String a, String b) {
        String left = emailKey(a);
        return left != null && left.equals(emailKey(b));
    }

    /** The normalised form of an address already validated (stored ones), or null if it is not NFKC-stable. */
    public static String emailKey(String email) {
        if (email == null) {
            return null;
        }
        String text = email.strip();
        return Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? lowerCaseAscii(text) : null;
    }

    /** A-Z to a-z, every other character as it is (unlike toLowerCase, which folds non-ASCII letters too). */
    static String lowerCaseAscii(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] = (char) (chars[i] + ('a' - 'A'));
            }
        }
        return new String(chars);
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

    /** A required parameter (e.g. of a query): null means it was not given. */
    public static String required(String field, String value) {
        if (value == null) {
            throw new ValidationException(field, "query parameter is required");
        }
        return value;
    }

    /** The optional {@code limit} parameter of a listing (null: not given). */
    public static int limit(String value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        int limit;
        try {
            limit = Integer.parseInt(value);
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
