package com.practicecal.shared.audit;

import com.practicecal.shared.event.Change;
import java.time.Instant;
import java.util.Map;

/**
 * One immutable audit entry: who did what to which resource of which account, when, through which channel.
 * Holds ids and changed fields only (never contact data or note text), so erasing a client's personal data
 * never requires rewriting the log and the hash chain stays valid.
 */
public record AuditEntry(long seq, String eventId, String accountId, Actor actor, String onBehalfOf, String action,
                         Target target, Instant at, Map<String, Change> changes, String operationId, String channel,
                         String requestId, String prevHash, String hash) {
    public record Actor(String userId, String kind) {
    }

    public record Target(String type, String id) {
    }
}
