package com.practicecal.local;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Query-string values for test requests (times carry '+' offsets, which must be encoded). */
public final class Urls {
    private Urls() {
    }

    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
