package org.csonline.onboarding.web;

import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.SessionScope;

/**
 * What the server remembers about the applicant in this browser: the onboarding whose invitation link they opened,
 * and the account they signed in to (after a password, and after the phone code).
 */
@Component
@SessionScope
public class ApplicantSession implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    /** Where Spring keeps this session-scoped bean in the session (its bean name is the class's). */
    static final String ATTRIBUTE = ScopedProxyUtils.getTargetBeanName("applicantSession");

    private UUID onboardingId;
    private UUID passwordCheckedAccountId;
    private UUID signedInAccountId;
    private Instant signedInAt;
    private UUID passwordResetId;
    private String newPhoneE164;

    public Optional<UUID> onboardingId() {
        return Optional.ofNullable(onboardingId);
    }

    public void startJourney(UUID onboardingId) {
        this.onboardingId = onboardingId;
    }

    /**
     * Writes this state to the session store now (the store writes on every change), before a step that cannot be
     * repeated: otherwise it is written after the page, and the database failing then would leave the step done and
     * the browser without its place.
     */
    public void saveNow(HttpSession httpSession) {
        httpSession.setAttribute(ATTRIBUTE, this);
    }

    public Optional<UUID> passwordCheckedAccountId() {
        return Optional.ofNullable(passwordCheckedAccountId);
    }

    public void passwordChecked(UUID accountId) {
        this.passwordCheckedAccountId = accountId;
        this.signedInAccountId = null;
        this.newPhoneE164 = null;
    }

    /** The number an account without a phone is registering at sign-in, until its code is checked. */
    public Optional<String> newPhoneE164() {
        return Optional.ofNullable(newPhoneE164);
    }

    public void newPhone(String e164) {
        this.newPhoneE164 = e164;
    }

    public Optional<UUID> signedInAccountId() {
        return Optional.ofNullable(signedInAccountId);
    }

    public void signedIn(UUID accountId, Instant at) {
        this.passwordCheckedAccountId = null;
        this.newPhoneE164 = null;
        this.signedInAccountId = accountId;
        this.signedInAt = at;
    }

    /** When the account signed in here; a password changed after it ends this session. */
    public Optional<Instant> signedInAt() {
        return Optional.ofNullable(signedInAt);
    }

    public Optional<UUID> passwordResetId() {
        return Optional.ofNullable(passwordResetId);
    }

    public void passwordReset(UUID resetId) {
        this.passwordResetId = resetId;
    }

    /** Whether there is anything to sign out of: a journey started or an account signed in. */
    public boolean active() {
        return onboardingId != null || signedInAccountId != null || passwordCheckedAccountId != null;
    }

    /** Who is acting, for the audit log. */
    public String actor() {
        if (signedInAccountId != null) {
            return "account:" + signedInAccountId;
        }
        return onboardingId != null ? "onboarding:" + onboardingId : "applicant";
    }
}
