package com.practicecal.shared.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses an IPv6 literal (RFC 4291 text forms, with an optional trailing dotted IPv4 part) into its 16 bytes
 * without the JDK's conversion of IPv4-mapped addresses into IPv4 ones, so the guard can judge the prefix.
 */
final class Ipv6Literal {
    private Ipv6Literal() {
    }

    static Optional<byte[]> parse(String text) {
        String s = text;
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        List<Integer> head = new ArrayList<>();
        List<Integer> tail = new ArrayList<>();
        int gap = s.indexOf("::");
        if (gap != s.lastIndexOf("::")) {
            return Optional.empty();
        }
        try {
            if (gap >= 0) {
                if (!groups(s.substring(0, gap), head) || !groups(s.substring(gap + 2), tail)) {
                    return Optional.empty();
                }
            } else if (!groups(s, head)) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        int total = head.size() + tail.size();
        if (total > 8 || (gap < 0 && total != 8) || (gap >= 0 && total == 8)) {
            return Optional.empty();
        }
        List<Integer> all = new ArrayList<>(head);
        for (int i = total; i < 8; i++) {
            all.add(0);
        }
        all.addAll(tail);
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[2 * i] = (byte) (all.get(i) >> 8);
            bytes[2 * i + 1] = (byte) (int) all.get(i);
        }
        return Optional.of(bytes);
    }

    /** Appends the 16-bit groups of a colon-separated part; a trailing a.b.c.d counts as two groups. */
    private static boolean groups(String part, List<Integer> out) {
        if (part.isEmpty()) {
            return true;
        }
        String[] pieces = part.split(":", -1);
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            if (i == pieces.length - 1 && piece.contains(".")) {
                String[] quad = piece.split("\\.", -1);
                if (quad.length != 4) {
                    return false;
                }
                int[] v = new int[4];
                for (int k = 0; k < 4; k++) {
                    if (!quad[k].matches("[0-9]{1,3}")) {
                        return false;
                    }
                    v[k] = Integer.parseInt(quad[k]);
                    if (v[k] > 255) {
                        return false;
                    }
                }
                out.add(v[0] << 8 | v[1]);
                out.add(v[2] << 8 | v[3]);
                continue;
            }
            if (!piece.matches("[0-9a-fA-F]{1,4}")) {
                return false;
            }
            out.add(Integer.parseInt(piece, 16));
        }
        return true;
    }
}
