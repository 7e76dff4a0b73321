package com.practicecal.shared.audit;

import com.practicecal.shared.config.Settings;
import com.practicecal.shared.config.SettingsSource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Settings of the audit pipeline; only the functions that use a value get its variable in template.yaml. */
@Singleton
public class AuditSettings {
    private final String auditTable;
    private final String auditQueueUrl;
    private final String integrationQueueUrl;
    private final Duration retention;

    @Inject
    public AuditSettings(SettingsSource settings) {
        this(settings.get("audit.table.name", ""), settings.get("audit.queue.url", ""),
                settings.get("integration.queue.url", ""), Long.parseLong(settings.get("audit.retention.days", "3653")));
    }

    public AuditSettings(String auditTable, String auditQueueUrl, String integrationQueueUrl, long retentionDays) {
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
