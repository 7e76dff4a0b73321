package com.practicecal.local;

import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says out loud which template properties a provisioner does not reproduce locally, so a property added to the
 * template is not silently missing from the local stack.
 */
final class PropertyCheck {
    private static final Logger LOG = LoggerFactory.getLogger(PropertyCheck.class);

    private PropertyCheck() {
    }

    /**
     * @param applied    properties the provisioner sends to the local endpoint
     * @param irrelevant properties that only matter in AWS (encryption, backups, tags, ...)
     */
    static void warnAboutUnhandled(CfnResource resource, Set<String> applied, Set<String> irrelevant) {
        Set<String> unhandled = new TreeSet<>(resource.properties().keySet());
        unhandled.removeAll(applied);
        unhandled.removeAll(irrelevant);
        if (!unhandled.isEmpty()) {
            LOG.warn("{} ({}): properties not reproduced locally: {}", resource.logicalId(), resource.type(), unhandled);
        }
    }
}
