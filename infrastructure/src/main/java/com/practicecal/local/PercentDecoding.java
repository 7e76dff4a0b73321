package com.practicecal.local;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Decoding as API Gateway does it: path segments keep '+', query strings turn '+' into a space. */
final class PercentDecoding {
    private PercentDecoding() {
    }

    static String pathSegment(String encoded) {
        if (encoded.indexOf('%') < 0) {
            return encoded;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && isHex(encoded, i + 1) && isHex(encoded, i + 2)) {
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static String path(String encoded) {
        StringBuilder decoded = new StringBuilder();
        String[] segments = encoded.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                decoded.append('/');
            }
            decoded.append(pathSegment(segments[i]));
        }
        return decoded.toString();
    }

    static String query(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return encoded; // a stray '%' is passed through rather than failing the request
        }
    }

    private static boolean isHex(String s, int index) {
        return index < s.length() && Character.digit(s.charAt(index), 16) >= 0;
    }
}
