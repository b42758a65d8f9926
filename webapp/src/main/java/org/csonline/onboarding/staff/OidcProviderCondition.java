package org.csonline.onboarding.staff;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the council's OpenID Connect provider is configured ({@code cso.staff.oidc.issuer-uri} set and not
 * blank). Spring's property condition cannot say this: the key always exists, empty by default.
 */
abstract class OidcProviderCondition extends SpringBootCondition {

    static final String ISSUER_URI = "cso.staff.oidc.issuer-uri";

    private final boolean wanted;

    private OidcProviderCondition(boolean wanted) {
        this.wanted = wanted;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String issuer = context.getEnvironment().getProperty(ISSUER_URI, "");
        boolean configured = !issuer.isBlank();
        return new ConditionOutcome(configured == wanted,
                ISSUER_URI + (configured ? " is set" : " is not set"));
    }

    static final class Configured extends OidcProviderCondition {
        Configured() {
            super(true);
        }
    }

    static final class NotConfigured extends OidcProviderCondition {
        NotConfigured() {
            super(false);
        }
    }
}
