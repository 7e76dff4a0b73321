package com.practicecal.local;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resources of one local stack and everything derived from them: physical ids, attributes, stream ARNs and the
 * settings the functions need. {@link #settings()} is what Lambda would get as environment variables, named the
 * way Micronaut maps environment variables to properties.
 */
public final class ProvisionedStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProvisionedStack.class);

    private final String name;
    private final String region;
    private final Optional<URI> endpoint;
    private final SamTemplate template;
    private final StackResolver resolver;
    private final List<ProvisionedResource> resources;
    private final Map<String, String> skipped;
    private final Map<String, ResourceProvisioner> provisioners;
    private final List<AutoCloseable> clients;

    ProvisionedStack(String name, String region, Optional<URI> endpoint, SamTemplate template, StackResolver resolver,
                     List<ProvisionedResource> resources, Map<String, String> skipped,
                     Map<String, ResourceProvisioner> provisioners, List<AutoCloseable> clients) {
        this.name = name;
        this.region = region;
        this.endpoint = endpoint;
        this.template = template;
        this.resolver = resolver;
        this.resources = resources;
        this.skipped = Collections.unmodifiableMap(skipped);
        this.provisioners = provisioners;
        this.clients = clients;
    }

    public String name() {
        return name;
    }

    public String region() {
        return region;
    }

    /** The AWS endpoint override (moto), empty when talking to real AWS. */
    public Optional<URI> endpoint() {
        return endpoint;
    }

    public SamTemplate template() {
        return template;
    }

    public List<ProvisionedResource> resources() {
        return Collections.unmodifiableList(resources);
    }

    /** Logical id to why it was not provisioned ("played by the local runner", "not needed locally", ...). */
    public Map<String, String> skipped() {
        return skipped;
    }

    public ProvisionedResource resource(String logicalId) {
        return resources.stream().filter(r -> r.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(logicalId + " is not a provisioned resource; "
                        + "provisioned: " + physicalIds().keySet()));
    }

    /** What {@code !Ref logicalId} gives: table name, queue URL, pool id, client id. */
    public String physicalId(String logicalId) {
        return resource(logicalId).physicalId();
    }

    public Map<String, String> physicalIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        resources.forEach(r -> ids.put(r.logicalId(), r.physicalId()));
        return ids;
    }

    /** What {@code !GetAtt logicalId.attribute} gives. */
    public String attribute(String logicalId, String attribute) {
        String value = resource(logicalId).attributes().get(attribute);
        if (value == null) {
            throw new IllegalArgumentException(logicalId + " has no attribute " + attribute);
        }
        return value;
    }

    /** Table logical id to its stream ARN, for tables with a StreamSpecification. */
    public Map<String, String> streamArns() {
        Map<String, String> streams = new LinkedHashMap<>();
        resources.stream().filter(r -> r.attributes().containsKey("StreamArn"))
                .forEach(r -> streams.put(r.logicalId(), r.attributes().get("StreamArn")));
        return streams;
    }

    /** Resolves any template value ({@code !Ref}, {@code !Sub}, ...) against this stack. */
    public Object resolve(Object templateValue) {
        return resolver.resolve(templateValue);
    }

    public String resolveString(Object templateValue) {
        return resolver.resolveString(templateValue);
    }

    /**
     * Micronaut properties for the functions: {@code Globals.Function.Environment.Variables} resolved
     * ({@code TABLE_NAME: !Ref MainTable} becomes {@code table.name=<physical table>}), plus {@code aws.region}
     * and, against moto, {@code public.cognito.endpoint}.
     */
    public Map<String, Object> settings() {
        return settings(template.globalEnvironment());
    }

    /** Settings for one function's environment (Globals merged with its own variables). */
    public Map<String, Object> settings(SamFunction function) {
        return settings(function.environment());
    }

    private Map<String, Object> settings(Map<String, Object> environment) {
        Map<String, Object> settings = new LinkedHashMap<>();
        environment.forEach((variable, value) -> settings.put(propertyName(variable), resolveString(value)));
        settings.put("aws.region", region);
        endpoint.ifPresent(uri -> settings.put("public.cognito.endpoint", uri.toString()));
        return settings;
    }

    /** Micronaut's environment-variable rule: {@code USER_POOL_CLIENT_ID} is {@code user.pool.client.id}. */
    public static String propertyName(String environmentVariable) {
        return environmentVariable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** Deletes what this stack created (adopted resources stay), newest first, then releases the clients. */
    public void teardown() {
        List<ProvisionedResource> newestFirst = new ArrayList<>(resources);
        Collections.reverse(newestFirst);
        RuntimeException failure = null;
        for (ProvisionedResource resource : newestFirst) {
            if (resource.adopted()) {
                continue;
            }
            try {
                provisioners.get(resource.type()).delete(resource);
            } catch (RuntimeException e) {
                LOG.warn("could not delete {} ({}): {}", resource.logicalId(), resource.physicalId(), e.toString());
                failure = failure == null ? e : failure;
            }
        }
        resources.removeIf(r -> !r.adopted());
        close();
        if (failure != null) {
            throw failure;
        }
    }

    /** Releases the SDK clients; the resources stay (use {@link #teardown()} to delete them). */
    @Override
    public void close() {
        for (AutoCloseable client : clients) {
            try {
                client.close();
            } catch (Exception e) {
                LOG.debug("closing {} failed: {}", client, e.toString());
            }
        }
    }
}
