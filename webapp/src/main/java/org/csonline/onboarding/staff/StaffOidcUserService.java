package org.csonline.onboarding.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.csonline.onboarding.staff.StaffRoleMapping.StaffRole;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns a verified sign-in at the council's provider into a member of staff: the roles the configured claim and
 * mapping give (none is allowed: the staff pages then answer 403), and a note of their email address and name for
 * the notices the process sends while they are away. The ID token was checked before this runs (signature against
 * the provider's keys, issuer, audience, expiry, nonce).
 */
final class StaffOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final StaffProperties.Oidc oidc;
    private final StaffRoleMapping mapping;
    private final StaffMembers members;

    StaffOidcUserService(StaffProperties.Oidc oidc, StaffMembers members) {
        this.oidc = oidc;
        this.mapping = new StaffRoleMapping(oidc);
        this.members = members;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        // The ID token's claims, with the UserInfo endpoint's where the provider has one (both in getClaims()).
        OidcUser user = delegate.loadUser(request);
        Map<String, Object> claims = user.getClaims();
        Set<StaffRole> roles = mapping.rolesOf(claims);
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        String email = text(claims, oidc.emailClaim());
        String displayName = Stream.of(text(claims, oidc.nameClaim()), text(claims, "preferred_username"), email)
                .filter(value -> value != null).findFirst().orElse(user.getSubject());
        members.signedIn(user.getSubject(), displayName, email, roles);
        return new StaffOidcUser(authorities, user.getIdToken(), user.getUserInfo(), displayName);
    }

    private static String text(Map<String, Object> claims, String name) {
        return claims.get(name) instanceof String value && !value.isBlank() ? value.strip() : null;
    }
}
