package org.csonline.onboarding.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignedOutByPasswordChangeTest {

    static final Instant SIGNED_IN = Instant.parse("2026-11-26T09:00:00Z");

    @Test
    void keepsASessionWhenThePasswordNeverChanged() {
        assertThat(SignedOutByPasswordChange.signedInBeforePasswordChange(Optional.of(SIGNED_IN), Optional.empty()))
                .isFalse();
    }

    @Test
    void endsASessionSignedInBeforeThePasswordChanged() {
        assertThat(SignedOutByPasswordChange.signedInBeforePasswordChange(Optional.of(SIGNED_IN),
                Optional.of(SIGNED_IN.plusSeconds(60)))).isTrue();
    }

    @Test
    void keepsTheSessionThatSignedInWithTheNewPassword() {
        assertThat(SignedOutByPasswordChange.signedInBeforePasswordChange(Optional.of(SIGNED_IN.plusSeconds(120)),
                Optional.of(SIGNED_IN.plusSeconds(60)))).isFalse();
    }

    @Test
    void endsASessionThatDoesNotKnowWhenItSignedIn() {
        assertThat(SignedOutByPasswordChange.signedInBeforePasswordChange(Optional.empty(),
                Optional.of(SIGNED_IN))).isTrue();
    }
}
