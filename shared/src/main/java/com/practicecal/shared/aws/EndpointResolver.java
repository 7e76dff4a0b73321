package com.practicecal.shared.aws;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the endpoint override for one service from the standard variables: AWS_ENDPOINT_URL_&lt;SERVICE&gt;
 * first, then AWS_ENDPOINT_URL. Unset means AWS's own endpoint. The same build then runs against moto,
 * LocalStack or AWS.
 */
public final class EndpointResolver {
    private final Map<String, String> environment;

    public EndpointResolver(Map<String, String> environment) {
        this.environment = environment;
    }

    public static EndpointResolver fromSystem() {
        Map<String, String> merged = new java.util.HashMap<>(System.getenv());
        // System properties win so that tests in one JVM can point clients somewhere else.
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("AWS_ENDPOINT_URL")) {
                merged.put(name, System.getProperty(name));
            }
        }
        return new EndpointResolver(merged);
    }

    /** @param serviceId the SDK's service id, e.g. "DynamoDB", "SQS", "Cognito Identity Provider" */
    public Optional<URI> endpointFor(String serviceId) {
        String specific = "AWS_ENDPOINT_URL_" + serviceId.toUpperCase(Locale.ROOT).replace(' ', '_');
        String value = firstNonBlank(environment.get(specific), environment.get("AWS_ENDPOINT_URL"));
        return Optional.ofNullable(value).map(URI::create);
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }
}
