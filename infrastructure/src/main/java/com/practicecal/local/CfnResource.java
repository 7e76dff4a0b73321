package com.practicecal.local;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One entry of the template's {@code Resources}: logical id, type and its (unresolved) properties. */
public record CfnResource(String logicalId, String type, Map<String, Object> properties,
                          Map<String, Object> definition) {

    public CfnResource {
        properties = properties == null ? Map.of() : properties;
    }

    /** A nested property, e.g. {@code property("Policies", "PasswordPolicy", "MinimumLength")}. */
    public Optional<Object> property(String... path) {
        return Templates.at(properties, path);
    }

    public Map<String, Object> map(String... path) {
        return property(path).map(Templates::asMap).orElse(Map.of());
    }

    public List<Object> list(String... path) {
        return property(path).map(Templates::asList).orElse(List.of());
    }

    /** A resource attribute outside {@code Properties}, e.g. DeletionPolicy. */
    public Optional<Object> attribute(String name) {
        return Optional.ofNullable(definition.get(name));
    }
}
