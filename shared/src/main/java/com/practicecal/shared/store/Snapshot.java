package com.practicecal.shared.store;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What one batch read ({@link DynamoTable#read}) found, by key. Services take typed values out through the item
 * classes ({@code snapshot.get(RoomItem.key(id), RoomItem::fromItem)}), so attribute maps stay in the store and the
 * item classes.
 */
public final class Snapshot {
    private final Map<String, Map<String, AttributeValue>> items;

    private Snapshot(Map<String, Map<String, AttributeValue>> items) {
        this.items = items;
    }

    /** Items keyed as {@link DynamoTable#batchGet} returns them ({@code PK|SK}). */
    public static Snapshot of(Map<String, Map<String, AttributeValue>> items) {
        return new Snapshot(items);
    }

    /** Nothing read (yet). */
    public static Snapshot empty() {
        return new Snapshot(Map.of());
    }

    /** This snapshot topped up by a later read {@code more} (its items win where both hold a key). */
    public Snapshot with(Snapshot more) {
        Map<String, Map<String, AttributeValue>> merged = new java.util.HashMap<>(items);
        merged.putAll(more.items);
        return new Snapshot(merged);
    }

    /** The item under {@code key}, read by {@code read} (an item class's {@code fromItem}); empty if absent. */
    public <T> Optional<T> get(Map<String, AttributeValue> key, Function<Map<String, AttributeValue>, T> read) {
        Map<String, AttributeValue> item = items.get(DynamoTable.keyString(key));
        return item == null ? Optional.empty() : Optional.ofNullable(read.apply(item));
    }

    public boolean contains(Map<String, AttributeValue> key) {
        return items.containsKey(DynamoTable.keyString(key));
    }

    /** Every item found, read by {@code read}. */
    public <T> java.util.List<T> all(Function<Map<String, AttributeValue>, T> read) {
        return items.values().stream().map(read).toList();
    }

    /** The raw items, for the item layer (e.g. the access policy's membership reader). */
    public Map<String, Map<String, AttributeValue>> items() {
        return items;
    }

    public Collection<String> keys() {
        return items.keySet();
    }
}
