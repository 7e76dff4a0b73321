package com.practicecal.shared.logging;

/** A flat JSON object built field by field: numbers and booleans as such, anything else as a string. */
public final class JsonLine {
    private final StringBuilder json = new StringBuilder(256).append('{');

    public JsonLine field(String name, Object value) {
        if (json.length() > 1) {
            json.append(',');
        }
        string(name);
        json.append(':');
        if (value == null) {
            json.append("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            json.append(value);
        } else {
            string(value.toString());
        }
        return this;
    }

    /** Appends an already serialised JSON value (object or array). */
    public JsonLine raw(String name, String json) {
        if (this.json.length() > 1) {
            this.json.append(',');
        }
        string(name);
        this.json.append(':').append(json);
        return this;
    }

    private void string(String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    @Override
    public String toString() {
        return json + "}";
    }
}
