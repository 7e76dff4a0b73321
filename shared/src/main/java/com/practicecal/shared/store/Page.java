package com.practicecal.shared.store;

import java.util.List;

/**
 * One call's worth of a {@link Query}: the items read (through an item class) and the opaque cursor that continues
 * the listing ({@code null} on the last page).
 */
public record Page<T>(List<T> items, String cursor) {
    public boolean hasMore() {
        return cursor != null;
    }
}
