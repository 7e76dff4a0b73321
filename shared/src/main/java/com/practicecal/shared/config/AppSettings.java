package com.practicecal.shared.config;

import io.micronaut.context.annotation.Value;
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

    public AppSettings(@Value("${table.name}") String tableName,
                       @Value("${user.pool.id}") String userPoolId,
                       @Value("${user.pool.client.id}") String userPoolClientId,
                       @Value("${aws.region:eu-central-1}") String region,
                       @Value("${public.cognito.endpoint:}") String cognitoEndpoint) {
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
