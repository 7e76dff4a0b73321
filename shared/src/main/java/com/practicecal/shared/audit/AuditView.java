package com.practicecal.shared.audit;

import java.util.List;

/** Responses of the audit API. */
public final class AuditView {
    private AuditView() {
    }

    public record Page(List<AuditEntry> items, String nextCursor) {
    }

    public record Verification(boolean ok, long checked, String firstBrokenEventId) {
    }
}
