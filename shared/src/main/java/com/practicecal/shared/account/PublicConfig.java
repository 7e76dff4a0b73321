package com.practicecal.shared.account;

/** GET /v1/public/config: what a frontend needs to log in with Cognito. */
public record PublicConfig(String region, String userPoolId, String clientId, String issuer, String cognitoEndpoint) {
}
