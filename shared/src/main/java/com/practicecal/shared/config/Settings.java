package com.practicecal.shared.config;

/** Checks shared by the settings beans: a setting a function needs must be there, or it fails loudly at use. */
public final class Settings {
    private Settings() {
    }

    /** @param name the property and its environment variable, as operators know it */
    public static String require(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("missing setting " + name);
        }
        return value;
    }
}
