package com.practicecal.shared.staff;

import com.practicecal.shared.error.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The scopes staff can hold and the built-in roles that bundle them. One person may hold several. */
public final class StaffScopes {
    public static final String APPOINTMENTS = "appointments";
    public static final String DOCUMENTATION = "documentation";
    public static final String INVOICING = "invoicing";
    public static final String REPORTS = "reports";
    public static final String FINANCES = "finances";
    public static final String AUDIT = "audit";
    public static final String CUSTOM = "CUSTOM";
    public static final Set<String> ALL = Set.of(APPOINTMENTS, DOCUMENTATION, INVOICING, REPORTS, FINANCES, AUDIT);
    public static final Map<String, Set<String>> ROLES = Map.of(
            "SECRETARY", Set.of(APPOINTMENTS),
            "ACCOUNTING", Set.of(INVOICING, REPORTS, FINANCES));

    private StaffScopes() {
    }

    /** The role's scopes plus any named individually; CUSTOM means only the named ones. */
    public static Set<String> resolve(String role, List<String> scopes) {
        if (role == null || (!ROLES.containsKey(role) && !"CUSTOM".equals(role))) {
            throw new ValidationException("role", "must be one of SECRETARY, ACCOUNTING, CUSTOM");
        }
        Set<String> resolved = new TreeSet<>(ROLES.getOrDefault(role, Set.of()));
        for (String scope : scopes == null ? List.<String>of() : scopes) {
            if (!ALL.contains(scope)) {
                throw new ValidationException("scopes", "unknown scope; allowed: " + new TreeSet<>(ALL));
            }
            resolved.add(scope);
        }
        if (resolved.isEmpty()) {
            throw new ValidationException("scopes", "a CUSTOM role needs at least one scope");
        }
        return resolved;
    }

    /** The role of a member: the one stored with the membership, else (members added before roles were stored) the
     * built-in role whose scopes are exactly these, else CUSTOM. */
    public static String roleOf(String stored, Set<String> scopes) {
        if (stored != null && (ROLES.containsKey(stored) || CUSTOM.equals(stored))) {
            return stored;
        }
        return ROLES.entrySet().stream().filter(e -> e.getValue().equals(scopes)).map(Map.Entry::getKey)
                .findFirst().orElse(CUSTOM);
    }
}
