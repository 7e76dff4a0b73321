package com.practicecal.shared.store;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A condition expression with its placeholders. The expression text itself is a named constant of a repository. */
public record Condition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
    /** The key layer's one "create, never overwrite" condition: no item with this key exists yet. */
    public static final String NEW_ITEM_EXPRESSION = "attribute_not_exists(" + Attr.PK + ")";
    public static final Condition NEW_ITEM = of(NEW_ITEM_EXPRESSION);

    public static Condition of(String expression) {
        return new Condition(expression, Map.of(), Map.of());
    }

    public static Condition of(String expression, Map<String, AttributeValue> values) {
        return new Condition(expression, Map.of(), values);
    }

    /** This condition with one more name placeholder. */
    public Condition name(String placeholder, String attribute) {
        Map<String, String> more = new java.util.HashMap<>(names);
        more.put(placeholder, attribute);
        return new Condition(expression, Map.copyOf(more), values);
    }

    /** This condition with one more string value placeholder. */
    public Condition value(String placeholder, String value) {
        return withValue(placeholder, Attr.s(value));
    }

    /** This condition with one more number value placeholder. */
    public Condition value(String placeholder, long value) {
        return withValue(placeholder, Attr.n(value));
    }

    private Condition withValue(String placeholder, AttributeValue value) {
        Map<String, AttributeValue> more = new java.util.HashMap<>(values);
        more.put(placeholder, value);
        return new Condition(expression, names, Map.copyOf(more));
    }
}
