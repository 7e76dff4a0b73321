package com.practicecal.shared.store;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** A filtered scan of the whole table, described without attribute maps; only maintenance jobs scan. */
public final class Scan {
    private final String filter;
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();

    private Scan(String filter) {
        this.filter = filter;
    }

    public static Scan filter(String expression) {
        return new Scan(expression);
    }

    public Scan name(String placeholder, String attribute) {
        names.put(placeholder, attribute);
        return this;
    }

    public Scan value(String placeholder, String value) {
        values.put(placeholder, Attr.s(value));
        return this;
    }

    ScanRequest.Builder request(Map<String, AttributeValue> startKey) {
        ScanRequest.Builder request = ScanRequest.builder().filterExpression(filter);
        if (!names.isEmpty()) {
            request.expressionAttributeNames(Map.copyOf(names));
        }
        if (!values.isEmpty()) {
            request.expressionAttributeValues(Map.copyOf(values));
        }
        if (startKey != null) {
            request.exclusiveStartKey(startKey);
        }
        return request;
    }
}
