package com.practicecal.local;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TokenValidityUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * {@code AWS::Cognito::UserPoolClient}: auth flows, token validity, secret, attributes and OAuth settings. Looked
 * up by name within its pool first, like the pool itself.
 */
final class CognitoUserPoolClientProvisioner implements ResourceProvisioner {
    static final String TYPE = "AWS::Cognito::UserPoolClient";
    private static final Set<String> APPLIED = Set.of("UserPoolId", "ClientName", "GenerateSecret",
            "ExplicitAuthFlows", "PreventUserExistenceErrors", "AccessTokenValidity", "IdTokenValidity",
            "RefreshTokenValidity", "TokenValidityUnits", "ReadAttributes", "WriteAttributes",
            "SupportedIdentityProviders", "CallbackURLs", "LogoutURLs", "DefaultRedirectURI", "AllowedOAuthFlows",
            "AllowedOAuthScopes", "AllowedOAuthFlowsUserPoolClient", "EnableTokenRevocation", "AuthSessionValidity");
    private static final Set<String> IRRELEVANT = Set.of("AnalyticsConfiguration",
            "EnablePropagateAdditionalUserContextData", "RefreshTokenRotation");

    private final CognitoIdentityProviderClient cognito;

    CognitoUserPoolClientProvisioner(CognitoIdentityProviderClient cognito) {
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
        String poolId = Values.string(props, "UserPoolId").orElseThrow(() ->
                new IllegalArgumentException(resource.logicalId() + " has no UserPoolId"));
        String name = Values.string(props, "ClientName").orElse(resolver.stackName() + "-" + resource.logicalId());

        Optional<String> existing = findByName(poolId, name);
        String clientId = existing.orElseGet(() ->
                cognito.createUserPoolClient(createRequest(poolId, name, props)).userPoolClient().clientId());
        UserPoolClientType client = cognito.describeUserPoolClient(b -> b.userPoolId(poolId).clientId(clientId))
                .userPoolClient();
        // UserPoolId is not a CloudFormation attribute; it is kept so that teardown can delete the client.
        Map<String, String> attributes = new java.util.HashMap<>(Map.of("ClientId", clientId, "Name", name,
                "UserPoolId", poolId));
        if (client.clientSecret() != null) {
            attributes.put("ClientSecret", client.clientSecret());
        }
        return new ProvisionedResource(resource.logicalId(), TYPE, clientId, attributes, existing.isPresent());
    }

    static CreateUserPoolClientRequest createRequest(String poolId, String name, Map<String, Object> props) {
        CreateUserPoolClientRequest.Builder request = CreateUserPoolClientRequest.builder()
                .userPoolId(poolId).clientName(name);
        Values.bool(props, "GenerateSecret").ifPresent(request::generateSecret);
        ifAny(Values.strings(props, "ExplicitAuthFlows"), request::explicitAuthFlowsWithStrings);
        Values.string(props, "PreventUserExistenceErrors").ifPresent(request::preventUserExistenceErrors);
        Values.integer(props, "AccessTokenValidity").ifPresent(request::accessTokenValidity);
        Values.integer(props, "IdTokenValidity").ifPresent(request::idTokenValidity);
        Values.integer(props, "RefreshTokenValidity").ifPresent(request::refreshTokenValidity);
        Map<String, Object> units = Values.map(props, "TokenValidityUnits");
        if (!units.isEmpty()) {
            request.tokenValidityUnits(TokenValidityUnitsType.builder()
                    .accessToken(Values.string(units, "AccessToken").orElse(null))
                    .idToken(Values.string(units, "IdToken").orElse(null))
                    .refreshToken(Values.string(units, "RefreshToken").orElse(null)).build());
        }
        ifAny(Values.strings(props, "ReadAttributes"), request::readAttributes);
        ifAny(Values.strings(props, "WriteAttributes"), request::writeAttributes);
        ifAny(Values.strings(props, "SupportedIdentityProviders"), request::supportedIdentityProviders);
        ifAny(Values.strings(props, "CallbackURLs"), request::callbackURLs);
        ifAny(Values.strings(props, "LogoutURLs"), request::logoutURLs);
        Values.string(props, "DefaultRedirectURI").ifPresent(request::defaultRedirectURI);
        ifAny(Values.strings(props, "AllowedOAuthFlows"), request::allowedOAuthFlowsWithStrings);
        ifAny(Values.strings(props, "AllowedOAuthScopes"), request::allowedOAuthScopes);
        Values.bool(props, "AllowedOAuthFlowsUserPoolClient").ifPresent(request::allowedOAuthFlowsUserPoolClient);
        Values.bool(props, "EnableTokenRevocation").ifPresent(request::enableTokenRevocation);
        Values.integer(props, "AuthSessionValidity").ifPresent(request::authSessionValidity);
        return request.build();
    }

    private static void ifAny(List<String> values, Consumer<List<String>> setter) {
        if (!values.isEmpty()) {
            setter.accept(values);
        }
    }

    private Optional<String> findByName(String poolId, String name) {
        return cognito.listUserPoolClientsPaginator(b -> b.userPoolId(poolId).maxResults(60)).userPoolClients()
                .stream().filter(c -> name.equals(c.clientName())).map(UserPoolClientDescription::clientId)
                .findFirst();
    }

    @Override
    public void delete(ProvisionedResource resource) {
        String poolId = resource.attributes().get("UserPoolId");
        if (poolId == null) {
            return; // deleting the pool removes its clients
        }
        try {
            cognito.deleteUserPoolClient(b -> b.userPoolId(poolId).clientId(resource.physicalId()));
        } catch (ResourceNotFoundException gone) {
            // already deleted with its pool
        }
    }
}
