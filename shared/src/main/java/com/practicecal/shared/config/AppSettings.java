package com.practicecal.shared.config;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Deployment settings, validated at start. In Lambda they come from environment variables set in
 * template.yaml (TABLE_NAME -> table.name, ...); the local runner passes the same names as properties.
 */
@Singleton
public class AppSettings {
    private final String tableName;
    private final String userPoolId;
    private final String userPoolClientId;
    private final String region;
    private final String cognitoEndpoint;

    @Inject
    public AppSettings(SettingsSource settings) {
        this(settings.get("table.name", null), settings.get("user.pool.id", null),
                settings.get("user.pool.client.id", null), settings.get("aws.region", "eu-central-1"),
                settings.get("public.cognito.endpoint", ""));
    }

    public AppSettings(String tableName, String userPoolId, String userPoolClientId, String region,
                       String cognitoEndpoint) {
        this.tableName = Settings.require("table.name", tableName);
        this.userPoolId = Settings.require("user.pool.id", userPoolId);
        this.userPoolClientId = Settings.require("user.pool.client.id", userPoolClientId);
        this.region = Settings.require("aws.region", region);
        this.cognitoEndpoint = cognitoEndpoint == null || cognitoEndpoint.isBlank() ? null : cognitoEndpoint;
    }

    public String tableName() {
        return tableName;
    }

    public String userPoolId() {
        return userPoolId;
    }

    public String userPoolClientId() {
        return userPoolClientId;
    }

    public String region() {
        return region;
    }

    /** The Cognito endpoint a frontend should call, when it is not AWS's own (e.g. the local moto server). */
    public String cognitoEndpoint() {
        return cognitoEndpoint;
    }

    public String issuer() {
        return "https://cognito-idp." + region + ".amazonaws.com/" + userPoolId;
    }
}
