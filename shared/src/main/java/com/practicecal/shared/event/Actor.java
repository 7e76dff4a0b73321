package com.practicecal.shared.event;

/**
 * Who made a change, for the audit trail: user id (or "anonymous"/"system"), kind, channel, and the account
 * whose calendar a grantee acted in ({@code onBehalfOf}).
 */
public record Actor(String userId, String kind, String channel, String onBehalfOf) {
    public Actor(String userId, String kind, String channel) {
        this(userId, kind, channel, null);
    }

    public static Actor grantee(String userId, String accountId) {
        return new Actor(userId, "grantee", "delegated", accountId);
    }

    public static Actor owner(String userId) {
        return new Actor(userId, "owner", "api");
    }

    public static Actor anonymous(String channel) {
        return new Actor("anonymous", "client", channel);
    }
}
