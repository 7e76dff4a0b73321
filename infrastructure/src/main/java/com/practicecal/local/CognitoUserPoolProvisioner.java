package com.practicecal.local;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NumberAttributeConstraintsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.StringAttributeConstraintsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/**
 * {@code AWS::Cognito::UserPool}: name, password policy, admin-create-only, auto-verified and username attributes,
 * schema. Pools are looked up by name first (Cognito allows duplicate names, so re-running would pile them up).
 */
final class CognitoUserPoolProvisioner implements ResourceProvisioner {
    static final String TYPE = "AWS::Cognito::UserPool";
    private static final Set<String> APPLIED = Set.of("UserPoolName", "Policies", "AdminCreateUserConfig",
            "AutoVerifiedAttributes", "UsernameAttributes", "AliasAttributes", "Schema", "MfaConfiguration",
            "UsernameConfiguration");
    private static final Set<String> IRRELEVANT = Set.of("UserPoolTags", "EmailConfiguration", "SmsConfiguration",
            "LambdaConfig", "DeletionProtection", "UserPoolAddOns", "AccountRecoverySetting",
            "VerificationMessageTemplate", "EmailVerificationMessage", "EmailVerificationSubject",
            "SmsAuthenticationMessage", "SmsVerificationMessage", "UserAttributeUpdateSettings", "UserPoolTier",
            "DeviceConfiguration", "EnabledMfas");

    private final CognitoIdentityProviderClient cognito;

    CognitoUserPoolProvisioner(CognitoIdentityProviderClient cognito) {
        this.cognito = cognito;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ProvisionedResource provision(CfnResource resource, StackResolver resolver) {
        PropertyCheck.warnAboutUnhandled(resource, APPLIED, IRRELEVANT);
        Map<String, Object> props = (Map<String, Object>) resolver.resolve(resource.properties());
        String name = Values.string(props, "UserPoolName").orElse(resolver.stackName() + "-" + resource.logicalId());

        Optional<String> existing = findByName(name);
        String poolId = existing.orElseGet(() -> cognito.createUserPool(createRequest(name, props)).userPool().id());
        UserPoolType pool = cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool();
        String providerName = "cognito-idp." + resolver.region() + ".amazonaws.com/" + poolId;
        return new ProvisionedResource(resource.logicalId(), TYPE, poolId, Map.of(
                "Arn", pool.arn(),
                "ProviderName", providerName,
                "ProviderURL", "https://" + providerName,
                "UserPoolId", poolId), existing.isPresent());
    }

    static CreateUserPoolRequest createRequest(String name, Map<String, Object> props) {
        CreateUserPoolRequest.Builder request = CreateUserPoolRequest.builder().poolName(name);
        Map<String, Object> password = Values.map(Values.map(props, "Policies"), "PasswordPolicy");
        if (!password.isEmpty()) {
            PasswordPolicyType.Builder policy = PasswordPolicyType.builder();
            Values.integer(password, "MinimumLength").ifPresent(policy::minimumLength);
            Values.bool(password, "RequireUppercase").ifPresent(policy::requireUppercase);
            Values.bool(password, "RequireLowercase").ifPresent(policy::requireLowercase);
            Values.bool(password, "RequireNumbers").ifPresent(policy::requireNumbers);
            Values.bool(password, "RequireSymbols").ifPresent(policy::requireSymbols);
            Values.integer(password, "TemporaryPasswordValidityDays").ifPresent(policy::temporaryPasswordValidityDays);
            Values.integer(password, "PasswordHistorySize").ifPresent(policy::passwordHistorySize);
            request.policies(p -> p.passwordPolicy(policy.build()));
        }
        Map<String, Object> adminCreate = Values.map(props, "AdminCreateUserConfig");
        Values.bool(adminCreate, "AllowAdminCreateUserOnly").ifPresent(only ->
                request.adminCreateUserConfig(c -> c.allowAdminCreateUserOnly(only)));
        List<String> autoVerified = Values.strings(props, "AutoVerifiedAttributes");
        if (!autoVerified.isEmpty()) {
            request.autoVerifiedAttributesWithStrings(autoVerified);
        }
        List<String> usernameAttributes = Values.strings(props, "UsernameAttributes");
        if (!usernameAttributes.isEmpty()) {
            request.usernameAttributesWithStrings(usernameAttributes);
        }
        List<String> aliasAttributes = Values.strings(props, "AliasAttributes");
        if (!aliasAttributes.isEmpty()) {
            request.aliasAttributesWithStrings(aliasAttributes);
        }
        Values.string(props, "MfaConfiguration").ifPresent(request::mfaConfiguration);
        Values.bool(Values.map(props, "UsernameConfiguration"), "CaseSensitive").ifPresent(caseSensitive ->
                request.usernameConfiguration(c -> c.caseSensitive(caseSensitive)));
        List<SchemaAttributeType> schema = Values.maps(props, "Schema").stream()
                .map(CognitoUserPoolProvisioner::schemaAttribute).toList();
        if (!schema.isEmpty()) {
            request.schema(schema);
        }
        return request.build();
    }

    private static SchemaAttributeType schemaAttribute(Map<String, Object> attribute) {
        SchemaAttributeType.Builder builder = SchemaAttributeType.builder()
                .name(Values.string(attribute, "Name").orElseThrow());
        Values.string(attribute, "AttributeDataType").ifPresent(builder::attributeDataType);
        Values.bool(attribute, "Required").ifPresent(builder::required);
        Values.bool(attribute, "Mutable").ifPresent(builder::mutable);
        Values.bool(attribute, "DeveloperOnlyAttribute").ifPresent(builder::developerOnlyAttribute);
        Map<String, Object> text = Values.map(attribute, "StringAttributeConstraints");
        if (!text.isEmpty()) {
            builder.stringAttributeConstraints(StringAttributeConstraintsType.builder()
                    .minLength(Values.string(text, "MinLength").orElse(null))
                    .maxLength(Values.string(text, "MaxLength").orElse(null)).build());
        }
        Map<String, Object> number = Values.map(attribute, "NumberAttributeConstraints");
        if (!number.isEmpty()) {
            builder.numberAttributeConstraints(NumberAttributeConstraintsType.builder()
                    .minValue(Values.string(number, "MinValue").orElse(null))
                    .maxValue(Values.string(number, "MaxValue").orElse(null)).build());
        }
        return builder.build();
    }

    private Optional<String> findByName(String name) {
        return cognito.listUserPoolsPaginator(b -> b.maxResults(60)).userPools().stream()
                .filter(pool -> name.equals(pool.name())).map(UserPoolDescriptionType::id).findFirst();
    }

    @Override
    public void delete(ProvisionedResource resource) {
        try {
            cognito.deleteUserPool(b -> b.userPoolId(resource.physicalId()));
        } catch (ResourceNotFoundException gone) {
            // already deleted
        }
    }
}
