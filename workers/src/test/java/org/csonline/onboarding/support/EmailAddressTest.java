package org.csonline.onboarding.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void isStrippedAndLowerCasedOnceWhateverWasTyped() {
        assertThat(EmailAddress.typed("  Sam@Example.ORG \t").value()).isEqualTo("sam@example.org");
        assertThat(EmailAddress.typed(null).value()).isEmpty();
        assertThat(EmailAddress.typed(" ").isEmpty()).isTrue();
    }

    @Test
    void hasTheShapeEveryPageAsksFor() {
        assertThat(EmailAddress.typed("sam@example.org").wellFormed()).isTrue();
        assertThat(EmailAddress.typed("sam@example").wellFormed()).isFalse();
        assertThat(EmailAddress.typed("sam example@example.org").wellFormed()).isFalse();
        assertThat(EmailAddress.typed("").wellFormed()).isFalse();
        assertThat(EmailAddress.typed("a@b." + "c".repeat(320)).wellFormed()).isFalse();
    }
}
