package com.practicecal.local;

import java.util.Map;

/**
 * A resource the local stack holds: its physical id (what {@code !Ref} gives), its {@code !GetAtt} attributes and
 * whether it already existed ({@code adopted}: re-running against the same moto reuses it and teardown keeps it).
 */
public record ProvisionedResource(String logicalId, String type, String physicalId, Map<String, String> attributes,
                                  boolean adopted) {
    public ProvisionedResource {
        attributes = Map.copyOf(attributes);
    }
}
