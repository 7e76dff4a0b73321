package com.practicecal.shared.audit;

import java.util.List;

/** Responses of the audit API. */
public final class AuditView {
    private AuditView() {
    }

    public record Page(List<AuditEntry> items, String nextCursor) {
    }

    /**
     * @param full            true when the whole chain was recomputed ({@code ?full=true} or no checkpoint yet)
     * @param verifiedFromSeq the first seq this call read (the checkpointed entry, or 1)
     */
    public record Verification(boolean ok, long checked, String firstBrokenEventId, boolean full, long verifiedFromSeq) {
    }
}
