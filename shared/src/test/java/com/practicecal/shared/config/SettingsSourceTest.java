package com.practicecal.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A deployed function's settings are its environment variables, named as template.yaml names them. */
class SettingsSourceTest {
    private final SettingsSource environment = SettingsSource.environment(Map.of("TABLE_NAME", "main",
            "WEBHOOKS_RETRY_JITTER", "0.3", "RETENTION_DRY_RUN", "true", "APP_ORIGIN", " "));

    @Test
    void keysAreReadAsTheirVariables() {
        assertThat(SettingsSource.variable("user.pool.client.id")).isEqualTo("USER_POOL_CLIENT_ID");
        assertThat(environment.get("table.name", null)).isEqualTo("main");
        assertThat(environment.get("webhooks.retry-jitter", "0.1")).isEqualTo("0.3");
        assertThat(environment.flag("retention.dry.run", false)).isTrue();
    }

    @Test
    void unsetOrBlankVariablesFallBack() {
        assertThat(environment.get("audit.retention.days", "3653")).isEqualTo("3653");
        assertThat(environment.get("app.origin", "")).isEmpty();
        assertThat(environment.flag("webhooks.allow-loopback-http", false)).isFalse();
        assertThat(new AppSettings(SettingsSource.environment(Map.of("TABLE_NAME", "t", "USER_POOL_ID", "p",
                "USER_POOL_CLIENT_ID", "c"))).region()).isEqualTo("eu-central-1");
    }
}
