package com.practicecal.shared.block;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * A string field where an explicit JSON {@code null} means something (remove) and absence means "unchanged": the
 * null reads as {@link #NULL}, absence as Java null; anything but a string or null is the usual "wrong type".
 */
public final class NullableId extends StdDeserializer<String> {
    /** What an explicit {@code null} reads as; never a valid id (ids are checked against their pattern). */
    public static final String NULL = "\u0000null";

    public NullableId() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (String) ctxt.handleUnexpectedToken(String.class, p);
        }
        return p.getText();
    }

    @Override
    public String getNullValue(DeserializationContext ctxt) {
        return NULL;
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
        return null;
    }
}
