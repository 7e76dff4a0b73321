package com.practicecal.shared.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.ValidationException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/** The one JSON configuration of the project: strict on input (unknown fields are errors), ISO-8601 on output. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // keep the offset a client sent (and the one we stored for idempotent replays)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ValidationException(ErrorCodes.MALFORMED_JSON, null, "request body is not valid JSON");
        }
    }

    /** Parses a request body; type and unknown-field errors become 422 naming the field, never a 500. */
    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new ValidationException(ErrorCodes.MALFORMED_JSON, null, "request body is required");
        }
        try {
            return MAPPER.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw new ValidationException(path(e), "unknown field");
        } catch (InvalidFormatException e) {
            throw new ValidationException(path(e), "has an invalid value");
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw field.isEmpty()
                    ? new ValidationException(ErrorCodes.MALFORMED_JSON, null, "request body must be a JSON object")
                    : new ValidationException(field, "has the wrong type");
        } catch (JsonProcessingException e) {
            throw new ValidationException(ErrorCodes.MALFORMED_JSON, null, "request body is not valid JSON");
        }
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
