package com.practicecal.local;

import java.security.SecureRandom;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * {@code AWS::SecretsManager::Secret}: name {@code <stack>-<LogicalId>}; {@code GenerateSecretString} is played
 * here (random letters and digits of {@code PasswordLength}, default 32), as CloudFormation generates the value at
 * deploy. {@code !Ref} is the secret's ARN, as in CloudFormation.
 */
final class SecretsManagerSecretProvisioner implements ResourceProvisioner {
    static final String TYPE = "AWS::SecretsManager::Secret";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretsManagerClient secrets;

    SecretsManagerSecretProvisioner(SecretsManagerClient secrets) {
        this.secrets = secrets;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ProvisionedResource provision(CfnResource resource, StackResolver resolver) {
        Map<String, Object> props = (Map<String, Object>) resolver.resolve(resource.properties());
        String name = resolver.stackName() + "-" + resource.logicalId();
        try {
            String arn = secrets.describeSecret(b -> b.secretId(name)).arn();
            return new ProvisionedResource(resource.logicalId(), TYPE, arn, Map.of("Id", arn), true);
        } catch (ResourceNotFoundException absent) {
            String value = props.containsKey("SecretString") ? Templates.asString(props.get("SecretString"))
                    : generate(Templates.asMap(props.getOrDefault("GenerateSecretString", Map.of())));
            String arn = secrets.createSecret(b -> b.name(name).secretString(value)).arn();
            return new ProvisionedResource(resource.logicalId(), TYPE, arn, Map.of("Id", arn), false);
        }
    }

    private static String generate(Map<String, Object> spec) {
        int length = spec.containsKey("PasswordLength") ? Integer.parseInt(Templates.asString(spec.get("PasswordLength")))
                : 32;
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return value.toString();
    }

    @Override
    public void delete(ProvisionedResource resource) {
        secrets.deleteSecret(b -> b.secretId(resource.physicalId()).forceDeleteWithoutRecovery(true));
    }
}
