package com.practicecal.shared.online;

import io.micronaut.context.annotation.Requires;
import com.practicecal.shared.config.SettingsSource;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reads the manage-token key from AWS Secrets Manager (the secret named by {@code MANAGE_TOKEN_SECRET_ARN}). Only
 * the online-booking function ships the Secrets Manager SDK and is granted {@code GetSecretValue} on the secret.
 */
@Singleton
@Requires(classes = SecretsManagerClient.class)
public class ManageTokenKey {
    private final String secretArn;
    /** Built for the one read: the online function's reads (settings, slots) need no Secrets Manager. */
    private final Provider<SecretsManagerClient> secrets;

    @Inject
    public ManageTokenKey(SettingsSource settings, Provider<SecretsManagerClient> secrets) {
        this(settings.get("manage.token.secret.arn", ""), secrets);
    }

    public ManageTokenKey(String secretArn, Provider<SecretsManagerClient> secrets) {
        this.secretArn = secretArn;
        this.secrets = secrets;
    }

    /** One GetSecretValue call; {@link ManageTokens} calls it once per container. */
    public String read() {
        if (secretArn == null || secretArn.isBlank()) {
            throw new IllegalStateException("manage.token.secret.arn (MANAGE_TOKEN_SECRET_ARN) is not set");
        }
        return secrets.get().getSecretValue(b -> b.secretId(secretArn)).secretString();
    }
}
