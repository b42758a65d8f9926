package org.csonline.onboarding.staff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which staff roles a user signed in with the council's provider has: the values of the configured claim (groups
 * or app roles) looked up in the configured mapping. Values match exactly (Entra group ids and app role values are
 * case-sensitive); a value nobody mapped gives nothing, so a user with none of the mapped values gets no role.
 */
final class StaffRoleMapping {

    enum StaffRole { CASEWORKER, REVIEWER, MANAGER }

    private final String claim;
    private final StaffProperties.RoleValues values;

    StaffRoleMapping(StaffProperties.Oidc oidc) {
        this.claim = oidc.roleClaim();
        this.values = oidc.roles();
    }

    Set<StaffRole> rolesOf(Map<String, Object> claims) {
        List<String> held = claimValues(claims);
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        if (held.stream().anyMatch(values.caseworker()::contains)) {
            roles.add(StaffRole.CASEWORKER);
        }
        if (held.stream().anyMatch(values.reviewer()::contains)) {
            roles.add(StaffRole.REVIEWER);
        }
        if (held.stream().anyMatch(values.manager()::contains)) {
            roles.add(StaffRole.MANAGER);
        }
        return roles;
    }

    /**
     * The claim's values: a JSON array of strings, or one string. A claim literally named with dots wins over the
     * path (Keycloak writes {@code realm_access.roles} as an object unless told otherwise; some providers do not).
     */
    private List<String> claimValues(Map<String, Object> claims) {
        Object value = claims.get(claim);
        if (value == null && claim.contains(".")) {
            Object node = claims;
            for (String part : claim.split("\\.")) {
                node = node instanceof Map<?, ?> map ? map.get(part) : null;
            }
            value = node;
        }
        List<String> strings = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.stream().filter(String.class::isInstance).map(String.class::cast).forEach(strings::add);
        } else if (value instanceof String single) {
            strings.add(single);
        }
        return strings;
    }
}
