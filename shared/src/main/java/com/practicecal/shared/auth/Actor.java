package com.practicecal.shared.auth;

/** Who made a change, for the audit trail: user id (or "public"/"system"), kind and channel. */
public record Actor(String userId, String kind, String channel) {
    public static Actor owner(String userId) {
        return new Actor(userId, "owner", "api");
    }

    public static Actor anonymous(String channel) {
        return new Actor("anonymous", "client", channel);
    }
}
