package org.csonline.onboarding.staff;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * The app as a client of the council's provider, with the provider's endpoints and keys read from its discovery
 * document ({@code <issuer>/.well-known/openid-configuration}) when a member of staff first signs in, not at start:
 * the app starts, and applicants are served, while the provider is unreachable; staff sign-in works once it is back.
 */
final class DiscoveredClientRegistration implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "council";
    /** Where the provider sends staff back after sign-in: register {base URL}/staff/oauth2/code/council with it. */
    static final String REDIRECT_URI = "{baseUrl}/staff/oauth2/code/{registrationId}";

    private final StaffProperties.Oidc oidc;
    private volatile ClientRegistration registration;

    DiscoveredClientRegistration(StaffProperties.Oidc oidc) {
        this.oidc = oidc;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            synchronized (this) {
                if (registration == null) {
                    registration = ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
                            .registrationId(REGISTRATION_ID)
                            .clientId(oidc.clientId())
                            .clientSecret(oidc.clientSecret())
                            .scope(oidc.scopes())
                            .redirectUri(REDIRECT_URI)
                            // The subject is the stable identity: onboardings, notices and the audit log use it.
                            .userNameAttributeName(IdTokenClaimNames.SUB)
                            .build();
                }
                known = registration;
            }
        }
        return known;
    }
}
