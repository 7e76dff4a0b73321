package com.practicecal.shared.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffScopesTest {
    @Test
    void theStoredRoleIsTheRole() {
        assertThat(StaffScopes.roleOf("SECRETARY", Set.of("appointments", "documentation"))).isEqualTo("SECRETARY");
        assertThat(StaffScopes.roleOf("CUSTOM", Set.of("appointments"))).isEqualTo("CUSTOM");
    }

    @Test
    void membersStoredBeforeRolesReadAsTheRoleTheirScopesAre() {
        assertThat(StaffScopes.roleOf(null, Set.of("appointments"))).isEqualTo("SECRETARY");
        assertThat(StaffScopes.roleOf(null, Set.of("invoicing", "reports", "finances"))).isEqualTo("ACCOUNTING");
        assertThat(StaffScopes.roleOf(null, Set.of("invoicing"))).isEqualTo("CUSTOM");
        assertThat(StaffScopes.roleOf("BOSS", Set.of("appointments"))).as("an unknown stored value").isEqualTo("SECRETARY");
    }
}
