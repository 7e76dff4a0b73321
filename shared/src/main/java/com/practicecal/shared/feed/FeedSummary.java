package com.practicecal.shared.feed;

import java.util.Locale;

/**
 * Event titles of a feed: the service and the client's initials only ("Therapiesitzung · E.M."), never contact data
 * or notes; other accounts' use of a room is just {@link #BUSY}.
 */
public final class FeedSummary {
    public static final String BUSY = "Belegt";
    public static final String DEFAULT_SERVICE = "Termin";
    static final String SEPARATOR = " · ";

    private FeedSummary() {
    }

    public static String of(String serviceName, String clientName) {
        String service = serviceName == null || serviceName.isBlank() ? DEFAULT_SERVICE : serviceName.strip();
        String initials = initials(clientName);
        return initials.isEmpty() ? service : service + SEPARATOR + initials;
    }

    /** First letters of the first and the last name part ("Eva-Maria von Müller" → "E.M."); one part → "E.". */
    static String initials(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String[] parts = name.strip().split("[\\s-]+");
        String first = initial(parts[0]);
        String last = parts.length > 1 ? initial(parts[parts.length - 1]) : "";
        return first + last;
    }

    private static String initial(String part) {
        int cp = part.codePoints().filter(Character::isLetter).findFirst().orElse(-1);
        return cp < 0 ? "" : new String(Character.toChars(cp)).toUpperCase(Locale.ROOT) + ".";
    }
}
