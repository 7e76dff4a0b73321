package com.practicecal.shared.audit;

import com.practicecal.shared.config.Settings;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Settings of the audit pipeline; only the functions that use a value get its variable in template.yaml. */
@Singleton
public class AuditSettings {
    private final String auditTable;
    private final String auditQueueUrl;
    private final String integrationQueueUrl;
    private final Duration retention;

    public AuditSettings(@Value("${audit.table.name:}") String auditTable,
                         @Value("${audit.queue.url:}") String auditQueueUrl,
                         @Value("${integration.queue.url:}") String integrationQueueUrl,
                         @Value("${audit.retention.days:3653}") long retentionDays) {
        this.auditTable = auditTable;
        this.auditQueueUrl = auditQueueUrl;
        this.integrationQueueUrl = integrationQueueUrl;
        this.retention = Duration.ofDays(retentionDays);
    }

    public String auditTable() {
        return Settings.require("audit.table.name (AUDIT_TABLE_NAME)", auditTable);
    }

    public String auditQueueUrl() {
        return Settings.require("audit.queue.url (AUDIT_QUEUE_URL)", auditQueueUrl);
    }

    public String integrationQueueUrl() {
        return Settings.require("integration.queue.url (INTEGRATION_QUEUE_URL)", integrationQueueUrl);
    }

    /** How long audit entries are kept (default 10 years). */
    public Duration retention() {
        return retention;
    }
}
