package org.csonline.onboarding.staff;

import java.io.Serial;
import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A member of staff signed in with the council's provider. Their name (what {@code getName()} returns, and what
 * onboardings belong to) is the provider's subject; {@code displayName} is only for people to read.
 */
final class StaffOidcUser extends DefaultOidcUser {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String displayName;

    StaffOidcUser(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken, OidcUserInfo userInfo,
            String displayName) {
        super(authorities, idToken, userInfo, IdTokenClaimNames.SUB);
        this.displayName = displayName;
    }

    String displayName() {
        return displayName;
    }
}
