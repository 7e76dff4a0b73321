package com.practicecal.shared.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The keys one batch read ({@link DynamoTable#read(Keys)}) asks for, each once, in the order added. Services collect
 * them from the item classes ({@code keys.add(RoomItem.key(id))}) without handling attribute maps themselves.
 */
public final class Keys {
    private final Set<Map<String, AttributeValue>> keys = new LinkedHashSet<>();

    public Keys() {
    }

    public static Keys of(Collection<Map<String, AttributeValue>> keys) {
        return new Keys().addAll(keys);
    }

    @SafeVarargs
    public static Keys of(Map<String, AttributeValue>... keys) {
        return of(List.of(keys));
    }

    public Keys add(Map<String, AttributeValue> key) {
        keys.add(key);
        return this;
    }

    public Keys addAll(Collection<Map<String, AttributeValue>> more) {
        more.forEach(this::add);
        return this;
    }

    public Keys addAll(Keys more) {
        keys.addAll(more.keys);
        return this;
    }

    /** A copy with {@code more} added; this one is unchanged. */
    public Keys with(Keys more) {
        return new Keys().addAll(this).addAll(more);
    }

    public boolean contains(Map<String, AttributeValue> key) {
        return keys.contains(key);
    }

    /** The keys of this set that {@code other} does not hold. */
    public Keys notIn(Keys other) {
        Keys missing = new Keys();
        keys.stream().filter(k -> !other.keys.contains(k)).forEach(missing.keys::add);
        return missing;
    }

    /** The keys of this set whose item {@code read} did not find (never asked for, or absent). */
    public Keys notFoundIn(Snapshot read) {
        Keys missing = new Keys();
        keys.stream().filter(k -> !read.contains(k)).forEach(missing.keys::add);
        return missing;
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    public int size() {
        return keys.size();
    }

    /** The keys as the SDK takes them, for the store layer. */
    public List<Map<String, AttributeValue>> list() {
        return new ArrayList<>(keys);
    }

    @Override
    public String toString() {
        return keys.stream().map(DynamoTable::keyString).toList().toString();
    }
}
