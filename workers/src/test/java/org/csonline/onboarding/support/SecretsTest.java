package org.csonline.onboarding.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

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

    @Test
    void outsideTheLocalProfileAMissingKeyStopsTheAppNamingTheVariable() {
        MockEnvironment camunda = new MockEnvironment();
        camunda.setActiveProfiles("camunda");
        assertThatThrownBy(() -> new Secrets(withKey(" "), camunda))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CSO_SECURITY_CODE_HASH_KEY");
        assertThat(new Secrets(withKey("a-long-key"), camunda).hash("x")).isEqualTo(new Secrets(withKey("a-long-key")).hash("x"));
    }

    @Test
    void theLocalProfileMayRunWithARandomKey() {
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        assertThat(new Secrets(withKey(null), local).hash("x")).isNotEqualTo(new Secrets(withKey(null), local).hash("x"));
    }

    private static SecurityProperties withKey(String key) {
        return new SecurityProperties(key, 8, 3, Duration.ofDays(28), Duration.ofMinutes(30), 5, 5,
                Duration.ofMinutes(10), 5, 5);
    }
}
