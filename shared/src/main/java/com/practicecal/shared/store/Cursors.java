package com.practicecal.shared.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.practicecal.shared.error.ValidationException;
import com.practicecal.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Opaque pagination cursors: a query's LastEvaluatedKey as URL-safe base64 JSON. A cursor only continues the
 * listing it came from: one naming another partition (another account's listing) is refused like garbage.
 */
public final class Cursors {
    private static final String NUMBER = "n:";

    private Cursors() {
    }

    /** The cursor for the next page, or null on the last page. */
    public static String next(QueryResponse response) {
        if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
            return null;
        }
        Map<String, String> plain = new HashMap<>();
        response.lastEvaluatedKey().forEach((name, value) -> plain.put(name, value.s() != null ? value.s() : NUMBER + value.n()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(plain).getBytes(StandardCharsets.UTF_8));
    }

    /** @param partitionAttribute the key attribute that must equal {@code expectedPartition} */
    public static Map<String, AttributeValue> start(String cursor, String partitionAttribute, String expectedPartition) {
        try {
            Map<String, String> plain = Json.MAPPER.readValue(Base64.getUrlDecoder().decode(cursor),
                    new TypeReference<Map<String, String>>() { });
            if (!expectedPartition.equals(plain.get(partitionAttribute))) {
                throw new IllegalArgumentException("cursor of another listing");
            }
            Map<String, AttributeValue> key = new HashMap<>();
            plain.forEach((name, value) -> key.put(name, value.startsWith(NUMBER)
                    ? AttributeValue.fromN(value.substring(NUMBER.length())) : Attr.s(value)));
            return key;
        } catch (RuntimeException | java.io.IOException e) {
            throw new ValidationException("cursor", "is not a valid cursor");
        }
    }
}
