package com.practicecal.shared.audit;

import java.io.IOException;

/** JSON form of a stored audit entry (same canonical mapper as the hash, so the stored text is stable). */
final class AuditJson {
    private AuditJson() {
    }

    static String write(AuditEntry entry) {
        try {
            return HashChain.mapper().writeValueAsString(entry);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static AuditEntry read(String json) {
        try {
            return HashChain.mapper().readValue(json, AuditEntry.class);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable audit entry", e);
        }
    }
}
