package org.csonline.onboarding.web;

import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/** The security headers of every page, staff and applicant alike. */
public final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'self'; object-src 'none'";

    private SecurityHeaders() {
    }

    /**
     * {@code formActionOrigins}: where else a form may lead. Browsers apply form-action to the redirects after a
     * submit too, so signing out, which redirects to the identity provider's sign-out page, needs its origin.
     */
    public static void apply(HeadersConfigurer<HttpSecurity> headers, List<String> formActionOrigins) {
        String policy = formActionOrigins.isEmpty() ? CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY.replace(
                "form-action 'self'", "form-action 'self' " + String.join(" ", formActionOrigins));
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny);
    }
}
