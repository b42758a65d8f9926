package org.csonline.onboarding.staff;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How staff sign in at /staff: with the council's OpenID Connect provider ({@code oidc}), or, for the local profile
 * and councils without one, as the configured {@code users}. Never both: see docs/adr/003-staff-sign-in.md.
 */
@ConfigurationProperties("cso.staff")
public record StaffProperties(List<StaffUser> users, Oidc oidc) {

    public StaffProperties {
        users = users == null ? List.of() : List.copyOf(users);
        oidc = oidc == null ? new Oidc(null, null, null, null, null, null, null, null, null) : oidc;
    }

    /**
     * Roles: CASEWORKER, REVIEWER, MANAGER. {@code email} is optional: with it, the user also gets staff notices
     * (reminders, expiries, overdue reviews for managers) by email, not only on the staff pages.
     */
    public record StaffUser(String username, String password, List<String> roles, String email) {

        @Override
        public String toString() {
            return "StaffUser[" + username + ", roles=" + roles + "]";
        }
    }

    /**
     * The council's OpenID Connect provider; on when {@code issuerUri} is set. {@code roleClaim} names the claim that
     * carries the user's groups or app roles (a dotted path reaches into an object, as Keycloak's
     * {@code realm_access.roles}); {@code roles} says which of its values give which staff role.
     */
    public record Oidc(String issuerUri, String clientId, String clientSecret, List<String> scopes, String roleClaim,
            RoleValues roles, String emailClaim, String nameClaim, String providerName) {

        public Oidc {
            issuerUri = blankToNull(issuerUri);
            scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email") : List.copyOf(scopes);
            roleClaim = roleClaim == null || roleClaim.isBlank() ? "roles" : roleClaim.strip();
            roles = roles == null ? new RoleValues(null, null, null) : roles;
            emailClaim = emailClaim == null || emailClaim.isBlank() ? "email" : emailClaim.strip();
            nameClaim = nameClaim == null || nameClaim.isBlank() ? "name" : nameClaim.strip();
            providerName = providerName == null || providerName.isBlank() ? "your council account" : providerName;
        }

        public boolean configured() {
            return issuerUri != null;
        }

        /** Where the provider's sign-in and sign-out pages live, for the staff pages' form-action policy. */
        String issuerOrigin() {
            URI issuer = URI.create(issuerUri);
            return issuer.getScheme() + "://" + issuer.getRawAuthority();
        }

        @Override
        public String toString() {
            return "Oidc[" + issuerUri + ", client=" + clientId + ", roleClaim=" + roleClaim + ", roles=" + roles + "]";
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** The values of the role claim that give each staff role. One value may give several roles. */
    public record RoleValues(List<String> caseworker, List<String> reviewer, List<String> manager) {

        public RoleValues {
            caseworker = caseworker == null ? List.of("CASEWORKER") : List.copyOf(caseworker);
            reviewer = reviewer == null ? List.of("REVIEWER") : List.copyOf(reviewer);
            manager = manager == null ? List.of("MANAGER") : List.copyOf(manager);
        }
    }
}
