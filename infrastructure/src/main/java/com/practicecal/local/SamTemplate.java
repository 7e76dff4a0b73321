package com.practicecal.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SAM template as data: resources, Globals, functions with their HttpApi routes and the API's JWT authorizers.
 * The local stack, the provisioner and the template tests all read the template through this one class, so what
 * runs locally is what is declared, not a hand-kept copy of it.
 */
public final class SamTemplate {
    public static final String FUNCTION = "AWS::Serverless::Function";
    public static final String HTTP_API = "AWS::Serverless::HttpApi";
    public static final String NO_AUTHORIZER = "NONE";

    private final Path file;
    private final Map<String, Object> document;
    private final Map<String, CfnResource> resources;

    private SamTemplate(Path file, Map<String, Object> document) {
        this.file = file;
        this.document = document;
        Map<String, CfnResource> byId = new LinkedHashMap<>();
        Templates.at(document, "Resources").map(Templates::asMap).orElse(Map.of()).forEach((id, value) -> {
            Map<String, Object> definition = Templates.asMap(value);
            Object type = definition.get("Type");
            if (type == null) {
                throw new IllegalArgumentException("resource " + id + " has no Type");
            }
            Map<String, Object> properties = Templates.at(definition, "Properties")
                    .map(Templates::asMap).orElse(Map.of());
            byId.put(id, new CfnResource(id, type.toString(), properties, definition));
        });
        this.resources = Collections.unmodifiableMap(byId);
    }

    /** template.yaml of the repository (see {@link RepoRoot}). */
    public static SamTemplate load() {
        return load(RepoRoot.locate().resolve(RepoRoot.TEMPLATE));
    }

    public static SamTemplate load(Path file) {
        return new SamTemplate(file.toAbsolutePath(), CfnYaml.read(file));
    }

    public Path file() {
        return file;
    }

    /** The directory CodeUri and other relative paths are relative to. */
    public Path root() {
        return file.getParent();
    }

    public Map<String, Object> document() {
        return document;
    }

    public Map<String, CfnResource> resources() {
        return resources;
    }

    public CfnResource resource(String logicalId) {
        CfnResource resource = resources.get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("template declares no resource " + logicalId);
        }
        return resource;
    }

    public List<CfnResource> resourcesOfType(String type) {
        return resources.values().stream().filter(r -> r.type().equals(type)).toList();
    }

    /** Parameter name to its Default (parameters without a default are left out). */
    public Map<String, Object> parameterDefaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        Templates.at(document, "Parameters").map(Templates::asMap).orElse(Map.of()).forEach((name, value) ->
                Templates.at(Templates.asMap(value), "Default").ifPresent(d -> defaults.put(name, d)));
        return defaults;
    }

    /** {@code Globals.Function}: properties every function inherits. */
    public Map<String, Object> globalFunctionProperties() {
        return Templates.at(document, "Globals", "Function").map(Templates::asMap).orElse(Map.of());
    }

    /** {@code Globals.Function.Environment.Variables}, unresolved. */
    public Map<String, Object> globalEnvironment() {
        return Templates.at(globalFunctionProperties(), "Environment", "Variables")
                .map(Templates::asMap).orElse(Map.of());
    }

    public List<SamFunction> functions() {
        return resourcesOfType(FUNCTION).stream().map(this::function).toList();
    }

    /** Every HttpApi route of every function. */
    public List<HttpApiRoute> routes() {
        return functions().stream().flatMap(f -> f.routes().stream()).toList();
    }

    public SamFunction function(String logicalId) {
        return function(resource(logicalId));
    }

    private SamFunction function(CfnResource resource) {
        Map<String, Object> environment = new LinkedHashMap<>(globalEnvironment());
        environment.putAll(resource.map("Environment", "Variables"));
        return new SamFunction(resource.logicalId(),
                functionProperty(resource, "Handler").map(Templates::asString).orElse(null),
                functionProperty(resource, "CodeUri").map(Templates::asString).orElse(null),
                Collections.unmodifiableMap(environment),
                functionProperty(resource, "MemorySize").map(v -> Integer.parseInt(Templates.asString(v))).orElse(128),
                functionProperty(resource, "Timeout").map(v -> Integer.parseInt(Templates.asString(v))).orElse(3),
                routes(resource));
    }

    /** A function property, falling back to Globals.Function like SAM does. */
    public Optional<Object> functionProperty(CfnResource function, String name) {
        return function.property(name).or(() -> Optional.ofNullable(globalFunctionProperties().get(name)));
    }

    private List<HttpApiRoute> routes(CfnResource function) {
        List<HttpApiRoute> routes = new ArrayList<>();
        function.map("Events").forEach((eventName, value) -> {
            Map<String, Object> event = Templates.asMap(value);
            if (!"HttpApi".equals(event.get("Type"))) {
                return;
            }
            Map<String, Object> props = Templates.at(event, "Properties").map(Templates::asMap).orElse(Map.of());
            // SAM: an event without Method and Path is the API's $default route.
            String method = Optional.ofNullable(props.get("Method")).map(Templates::asString).orElse("ANY");
            String path = Optional.ofNullable(props.get("Path")).map(Templates::asString).orElse("$default");
            String authorizer = Templates.at(props, "Auth", "Authorizer").map(Templates::asString)
                    .orElseGet(() -> defaultAuthorizer(props.get("ApiId")));
            routes.add(new HttpApiRoute(function.logicalId(), method, path,
                    NO_AUTHORIZER.equals(authorizer) ? null : authorizer));
        });
        return List.copyOf(routes);
    }

    /** The DefaultAuthorizer of the API an event belongs to (the implicit API reads Globals.HttpApi). */
    private String defaultAuthorizer(Object apiId) {
        return httpApiAuth(apiId).flatMap(auth -> Templates.at(auth, "DefaultAuthorizer"))
                .map(Templates::asString).orElse(null);
    }

    private Optional<Map<String, Object>> httpApiAuth(Object apiId) {
        if (apiId instanceof Intrinsic.Ref ref) {
            return resource(ref.target()).property("Auth").map(Templates::asMap);
        }
        return Templates.at(document, "Globals", "HttpApi", "Auth").map(Templates::asMap);
    }

    /** JWT authorizers of all HttpApis (and Globals.HttpApi) by name. */
    public Map<String, JwtAuthorizerConfig> jwtAuthorizers() {
        Map<String, JwtAuthorizerConfig> found = new LinkedHashMap<>();
        List<Map<String, Object>> auths = new ArrayList<>();
        Templates.at(document, "Globals", "HttpApi", "Auth").map(Templates::asMap).ifPresent(auths::add);
        resourcesOfType(HTTP_API).forEach(api -> api.property("Auth").map(Templates::asMap).ifPresent(auths::add));
        for (Map<String, Object> auth : auths) {
            Templates.at(auth, "Authorizers").map(Templates::asMap).orElse(Map.of()).forEach((name, value) -> {
                Map<String, Object> authorizer = Templates.asMap(value);
                Templates.at(authorizer, "JwtConfiguration").map(Templates::asMap).ifPresent(jwt -> found.put(name,
                        new JwtAuthorizerConfig(name,
                                Templates.at(authorizer, "IdentitySource").map(Templates::asString)
                                        .orElse("$request.header.Authorization"),
                                Templates.at(jwt, "issuer").orElse(null),
                                Templates.at(jwt, "audience").map(Templates::asList).orElse(List.of()))));
            });
        }
        return found;
    }

    /** The JWT authorizer guarding the API's non-public routes (the DefaultAuthorizer of the single HttpApi). */
    public Optional<JwtAuthorizerConfig> jwtAuthorizer() {
        Map<String, JwtAuthorizerConfig> all = jwtAuthorizers();
        return resourcesOfType(HTTP_API).stream()
                .map(api -> defaultAuthorizer(new Intrinsic.Ref(api.logicalId())))
                .filter(name -> name != null && all.containsKey(name))
                .map(all::get).findFirst()
                .or(() -> all.values().stream().findFirst());
    }

    /** The HttpApi's CorsConfiguration (unresolved), if any. */
    public Optional<Map<String, Object>> corsConfiguration() {
        return resourcesOfType(HTTP_API).stream().map(api -> api.property("CorsConfiguration"))
                .flatMap(Optional::stream).map(Templates::asMap).findFirst()
                .or(() -> Templates.at(document, "Globals", "HttpApi", "CorsConfiguration").map(Templates::asMap));
    }
}
