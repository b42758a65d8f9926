package org.csonline.onboarding.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SecretsTest {

    private final Secrets secrets = new Secrets(new SecurityProperties("key", 8, 3, Duration.ofDays(28),
            Duration.ofMinutes(30), 5, 5, Duration.ofMinutes(10), 5, 5));

    @Test
    void readableCodesAvoidLookAlikeCharacters() {
        for (int i = 0; i < 200; i++) {
            assertThat(secrets.readableCode(8)).hasSize(8).doesNotContainPattern("[01OIL]").matches("[A-Z2-9]+");
        }
    }

    @Test
    void numericCodesHaveTheRequestedDigits() {
        assertThat(secrets.numericCode(6)).matches("\\d{6}");
    }

    @Test
    void tokensCarry256BitsUrlSafe() {
        String token = secrets.token();
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(secrets.token()).isNotEqualTo(token);
    }

    @Test
    void storedHashMatchesOnlyTheSameSecret() {
        String hash = secrets.hash("123456");
        assertThat(hash).doesNotContain("123456");
        assertThat(secrets.matches("123456", hash)).isTrue();
        assertThat(secrets.matches("123457", hash)).isFalse();
        assertThat(secrets.matches(null, hash)).isFalse();
    }

    @Test
    void hashDependsOnTheKey() {
        Secrets otherKey = new Secrets(new SecurityProperties("other", 8, 3, Duration.ofDays(28),
                Duration.ofMinutes(30), 5, 5, Duration.ofMinutes(10), 5, 5));
        assertThat(otherKey.hash("123456")).isNotEqualTo(secrets.hash("123456"));
    }

    @Test
    void typedCodesAreNormalised() {
        assertThat(Secrets.normaliseCode(" abcd-efgh ")).isEqualTo("ABCDEFGH");
        assertThat(Secrets.normaliseCode("123 456")).isEqualTo("123456");
        assertThat(Secrets.normaliseCode(null)).isEmpty();
    }
}
