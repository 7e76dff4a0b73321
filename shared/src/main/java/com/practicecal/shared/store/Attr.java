package com.practicecal.shared.store;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small helpers for low-level DynamoDB attribute maps. */
public final class Attr {
    public static final String PK = "PK";
    public static final String SK = "SK";
    public static final String GSI1PK = "GSI1PK";
    public static final String GSI1SK = "GSI1SK";
    public static final String GSI1 = "GSI1";
    public static final String TYPE = "type";
    public static final String EXPIRES_AT = "expiresAt";

    private Attr() {
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    /** The key (PK, SK) of an item as read. */
    public static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return Map.of(PK, item.get(PK), SK, item.get(SK));
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    public static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? null : v.s();
    }

    public static long num(Map<String, AttributeValue> item, String name, long fallback) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? fallback : Long.parseLong(v.n());
    }

    public static Optional<Map<String, AttributeValue>> map(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasM() ? Optional.empty() : Optional.of(v.m());
    }
}
