package com.practicecal.shared.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.practicecal.shared.error.ErrorCodes;
import com.practicecal.shared.error.ValidationException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one JSON configuration of the project: ISO-8601 on output; request bodies are read by {@link #read} only,
 * with a strict reader (a JSON object of the declared shape, no unknown fields, no scalar coercion, no duplicate
 * keys, no nulls inside arrays or maps, nothing after the object).
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // keep the offset a client sent (and the one we stored for idempotent replays)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /**
     * Request bodies: what the client wrote must be exactly what the declared type says, or 422. Built on the first
     * body read (a holder class), so a read-only route's cold start does not pay for a second mapper.
     */
    private static final class Input {
        static final ObjectMapper MAPPER = strict();
        static final ObjectReader TREE = MAPPER.reader();
    }

    private Json() {
    }

    /**
     * Loads and initialises the mapper and its common (de)serialisers (maps, lists, numbers, instants), e.g. on a
     * background thread during a function's init, so the first request does not pay for it. The strict body reader
     * stays lazy: most cold starts are reads.
     */
    public static void warmUp() {
        try {
            MAPPER.readTree(MAPPER.writeValueAsString(Map.of("at", Instant.EPOCH, "list", List.of(1L, 2.5), "text", "x",
                    "flag", true)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The strict request-body mapper (for tests). */
    static ObjectMapper input() {
        return Input.MAPPER;
    }

    private static ObjectMapper strict() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
                .disable(DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
                .disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonParser.Feature.ALLOW_COMMENTS)
                .build();
        // no scalar turns into another kind: 5 is not "5", "30" is not 30, 30.7 is not 30, 1 is not true
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean, LogicalType.Enum, LogicalType.POJO, LogicalType.Map, LogicalType.Collection,
                LogicalType.Array, LogicalType.DateTime}) {
            var config = mapper.coercionConfigFor(type);
            for (CoercionInputShape shape : CoercionInputShape.values()) {
                if (!accepts(type, shape)) {
                    config.setCoercion(shape, CoercionAction.Fail);
                }
            }
            config.setAcceptBlankAsEmpty(false);
        }
        // null inside a list or map is never a value a request can mean
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        return mapper;
    }

    /** The token shapes a logical type reads as itself (everything else would be a coercion). */
    private static boolean accepts(LogicalType type, CoercionInputShape shape) {
        return switch (type) {
            case Textual, Enum, DateTime -> shape == CoercionInputShape.String;
            case Integer -> shape == CoercionInputShape.Integer;
            case Float -> shape == CoercionInputShape.Float || shape == CoercionInputShape.Integer;
            case Boolean -> shape == CoercionInputShape.Boolean;
            case POJO, Map -> shape == CoercionInputShape.Object;
            case Collection, Array -> shape == CoercionInputShape.Array;
            default -> false;
        };
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

    /**
     * Parses a request body: the one entry point for client JSON. Anything but a JSON object (null, an array, a
     * scalar, nothing) is 422 MALFORMED_JSON; a field of the wrong type or an unknown field is 422 naming the field;
     * never a 500.
     */
    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new ValidationException(ErrorCodes.MALFORMED_JSON, null, "request body is required");
        }
        JsonNode tree;
        try {
            tree = Input.TREE.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ValidationException(ErrorCodes.MALFORMED_JSON, null, "request body is not valid JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new ValidationException(ErrorCodes.MALFORMED_JSON, null, "request body must be a JSON object");
        }
        try {
            T value = Input.MAPPER.readValue(body, type);
            if (value == null) {
                throw new ValidationException(ErrorCodes.MALFORMED_JSON, null, "request body must be a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new ValidationException(path(e), "unknown field");
        } catch (InvalidNullException e) {
            throw new ValidationException(path(e), "must not be null");
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
        StringBuilder field = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
