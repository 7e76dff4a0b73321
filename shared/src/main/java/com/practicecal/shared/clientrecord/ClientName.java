package com.practicecal.shared.clientrecord;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names of clients: the grantee's minimal form ("Erika M.") and the folded tokens the directory search matches
 * prefixes against. First and last name are kept apart, so nothing here has to guess which word is which; only
 * bookings from before client records (one free-text name) are split, once, by {@link #split(String)}.
 */
public final class ClientName {
    /** Any kind of space, including no-break, narrow, figure and zero-width spaces. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}\\u200B\\u200C\\u200D\\u2060\\uFEFF]+");
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s\\p{Z}\\u200B\\u200C\\u200D\\u2060\\uFEFF\\-‐‑‒–—]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private ClientName() {
    }

    /** First and last name of a free-text name: "Mustermann, Erika" or "Erika Maria Mustermann". */
    public record Parts(String firstName, String lastName) {
    }

    /**
     * The grantee's view of a client: the first given name and the initial of the last name, "Erika M.", for
     * every form the names take (several given names, hyphens, particles such as "von", non-ASCII spaces).
     */
    public static String minimal(String firstName, String lastName) {
        String first = words(SPACES, firstName).stream().findFirst().orElse(null);
        String initial = lastInitial(lastName);
        if (first == null) {
            return initial == null ? null : initial + ".";
        }
        return initial == null ? first : first + " " + initial + ".";
    }

    /** {@link #minimal(String, String)} of a free-text name. */
    public static String minimal(String name) {
        Parts parts = split(name);
        return parts == null ? null : minimal(parts.firstName(), parts.lastName());
    }

    /**
     * Splits a free-text name: before a comma is the last name ("Mustermann, Erika"); otherwise the last word
     * is, unless lower-case particles precede it ("Ludwig van Beethoven" → "Ludwig", "van Beethoven").
     */
    public static Parts split(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        int comma = name.indexOf(',');
        if (comma >= 0) {
            String last = join(words(SPACES, name.substring(0, comma)));
            String first = join(words(SPACES, name.substring(comma + 1)));
            if (!first.isEmpty() && !last.isEmpty()) {
                return new Parts(first, last);
            }
            name = name.replace(',', ' ');
        }
        List<String> words = words(SPACES, name);
        if (words.size() == 1) {
            return new Parts(words.get(0), null);
        }
        int lastStart = words.size() - 1;
        while (lastStart > 1 && isParticle(words.get(lastStart - 1))) {
            lastStart--;
        }
        return new Parts(join(words.subList(0, lastStart)), join(words.subList(lastStart, words.size())));
    }

    /**
     * The folded search tokens of a client: every word of both names (split at spaces and hyphens), each without
     * case and diacritics; German umlauts also in their transcribed form ("Müller": "muller", "mueller").
     */
    public static Set<String> tokens(String firstName, String lastName) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String name : new String[] {firstName, lastName}) {
            for (String word : words(WORD_SEPARATORS, name)) {
                String folded = fold(word);
                if (!folded.isEmpty()) {
                    tokens.add(folded);
                }
                String transcribed = fold(transcribeUmlauts(word));
                if (!transcribed.isEmpty()) {
                    tokens.add(transcribed);
                }
            }
        }
        return tokens;
    }

    /** The words of a search query, folded like the tokens; empty words are dropped. */
    public static List<String> queryWords(String query) {
        List<String> words = new ArrayList<>();
        for (String word : words(WORD_SEPARATORS, query)) {
            String folded = fold(word);
            if (!folded.isEmpty()) {
                words.add(folded);
            }
        }
        return words;
    }

    /** Sort key of the directory: last name, then first name, folded. */
    public static String sortKey(String firstName, String lastName) {
        return fold(lastName == null ? "" : lastName) + " " + fold(firstName == null ? "" : firstName);
    }

    /** Lower case, no diacritics, letters and digits only ("Ömer-Çelik" → "omercelik", "Straße" → "strasse"). */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT)
                .replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("ø", "o").replace("ł", "l")
                .replace("đ", "d").replace("ð", "d").replace("þ", "th").replace("ı", "i");
        String stripped = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFKD)).replaceAll("");
        return NOT_LETTER_OR_DIGIT.matcher(stripped).replaceAll("");
    }

    private static String transcribeUmlauts(String word) {
        return word.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue");
    }

    /** The initial of the last name, skipping lower-case particles ("von Goethe" → "G"); upper case. */
    private static String lastInitial(String lastName) {
        List<String> words = words(WORD_SEPARATORS, lastName);
        if (words.isEmpty()) {
            return null;
        }
        String chosen = words.get(0);
        for (String word : words) {
            int cp = firstLetter(word);
            if (cp >= 0 && !Character.isLowerCase(cp)) {
                chosen = word;
                break;
            }
        }
        int cp = firstLetter(chosen);
        if (cp < 0) {
            cp = chosen.codePointAt(0);
        }
        return new String(Character.toChars(Character.toUpperCase(cp)));
    }

    private static int firstLetter(String word) {
        return word.codePoints().filter(Character::isLetterOrDigit).findFirst().orElse(-1);
    }

    private static boolean isParticle(String word) {
        int cp = firstLetter(word);
        return cp >= 0 && Character.isLowerCase(cp);
    }

    private static List<String> words(Pattern separators, String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        for (String word : separators.split(text.strip())) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static String join(List<String> words) {
        return String.join(" ", words);
    }
}
