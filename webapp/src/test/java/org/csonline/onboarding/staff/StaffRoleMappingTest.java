package org.csonline.onboarding.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.csonline.onboarding.staff.StaffRoleMapping.StaffRole;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StaffRoleMappingTest {

    static StaffRoleMapping mapping(String claim, List<String> caseworker, List<String> reviewer, List<String> manager) {
        return new StaffRoleMapping(new StaffProperties.Oidc("https://id.example", "app", "secret", null, claim,
                new StaffProperties.RoleValues(caseworker, reviewer, manager), null, null, null));
    }

    @Nested
    class EntraGroups {

        static final String CASEWORKERS = "5f7c1f0e-1111-4a6b-9c1d-000000000001";
        static final String MANAGERS = "5f7c1f0e-1111-4a6b-9c1d-000000000003";
        final StaffRoleMapping groups = mapping("groups", List.of(CASEWORKERS, MANAGERS), List.of(MANAGERS),
                List.of(MANAGERS));

        @Test
        void givesTheRolesOfEveryMappedGroup() {
            assertThat(groups.rolesOf(Map.of("groups", List.of("unrelated", CASEWORKERS))))
                    .containsExactly(StaffRole.CASEWORKER);
            assertThat(groups.rolesOf(Map.of("groups", List.of(MANAGERS))))
                    .containsExactlyInAnyOrder(StaffRole.CASEWORKER, StaffRole.REVIEWER, StaffRole.MANAGER);
        }

        @Test
        void givesNoRoleWithoutAMappedGroupOrWithoutTheClaim() {
            assertThat(groups.rolesOf(Map.of("groups", List.of("finance")))).isEmpty();
            assertThat(groups.rolesOf(Map.of("roles", List.of(CASEWORKERS)))).isEmpty();
            assertThat(groups.rolesOf(Map.of())).isEmpty();
        }

        @Test
        void matchesValuesExactly() {
            assertThat(groups.rolesOf(Map.of("groups", List.of(CASEWORKERS.toUpperCase())))).isEmpty();
        }
    }

    @Test
    void entraAppRolesByDefaultValues() {
        StaffRoleMapping roles = mapping("roles", null, null, null);
        assertThat(roles.rolesOf(Map.of("roles", List.of("REVIEWER")))).containsExactly(StaffRole.REVIEWER);
    }

    @Test
    void aSingleStringClaimCounts() {
        StaffRoleMapping roles = mapping("role", null, null, null);
        assertThat(roles.rolesOf(Map.of("role", "CASEWORKER"))).containsExactly(StaffRole.CASEWORKER);
    }

    @Test
    void keycloakRealmRolesByDottedPath() {
        StaffRoleMapping realm = mapping("realm_access.roles", List.of("cso-caseworker"), List.of("cso-reviewer"),
                List.of("cso-manager"));
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles",
                List.of("offline_access", "cso-reviewer", "uma_authorization")));
        assertThat(realm.rolesOf(claims)).containsExactly(StaffRole.REVIEWER);
    }

    @Test
    void aClaimLiterallyNamedWithDotsWinsOverThePath() {
        StaffRoleMapping realm = mapping("realm_access.roles", List.of("cso-caseworker"), List.of(), List.of());
        Map<String, Object> claims = Map.of("realm_access.roles", List.of("cso-caseworker"),
                "realm_access", Map.of("roles", List.of("other")));
        assertThat(realm.rolesOf(claims)).containsExactly(StaffRole.CASEWORKER);
    }
}
