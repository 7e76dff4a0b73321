package com.practicecal.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Lambda events as JSON files under {@code src/test/resources/events/}, in the shape AWS delivers them. Read them
 * as the Lambda runtime would ({@link #httpEvent}) or as JSON trees to compare with built events.
 */
public final class EventFixtures {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventFixtures() {
    }

    public static APIGatewayV2HTTPEvent httpEvent(String name) {
        return read(name, APIGatewayV2HTTPEvent.class);
    }

    public static <T> T read(String name, Class<T> type) {
        try (InputStream in = open(name)) {
            return MAPPER.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + name, e);
        }
    }

    public static JsonNode tree(String name) {
        try (InputStream in = open(name)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + name, e);
        }
    }

    /** An event as the JSON AWS would send (null fields left out). */
    public static JsonNode toTree(Object event) {
        return MAPPER.valueToTree(event);
    }

    private static InputStream open(String name) {
        String path = "/events/" + (name.endsWith(".json") ? name : name + ".json");
        InputStream in = EventFixtures.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalArgumentException("no fixture " + path);
        }
        return in;
    }
}
