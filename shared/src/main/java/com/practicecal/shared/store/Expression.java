package com.practicecal.shared.store;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An update expression, its optional condition and the placeholders both use. */
public final class Expression {
    private final String updateExpression;
    private String conditionExpression;
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();

    private Expression(String updateExpression) {
        this.updateExpression = updateExpression;
    }

    public static Expression update(String updateExpression) {
        return new Expression(updateExpression);
    }

    public Expression when(String condition) {
        this.conditionExpression = condition;
        return this;
    }

    public Expression name(String placeholder, String attribute) {
        names.put(placeholder, attribute);
        return this;
    }

    public Expression value(String placeholder, AttributeValue value) {
        values.put(placeholder, value);
        return this;
    }

    public String updateExpression() {
        return updateExpression;
    }

    public String conditionExpression() {
        return conditionExpression;
    }

    public Map<String, String> names() {
        return names;
    }

    public Map<String, AttributeValue> values() {
        return values;
    }
}
