package org.csonline.onboarding.support;

import java.time.Duration;

/** Fixtures for the security settings: the defaults of application.yaml, with a fixed hash key. */
public final class TestSecrets {

    private TestSecrets() {
    }

    public static SecurityProperties defaults() {
        return new SecurityProperties("test-key-test-key-test-key-123456", 8, 3, Duration.ofDays(28),
                Duration.ofMinutes(30), 5, 5, Duration.ofMinutes(10), 5, 5);
    }

    public static Secrets secrets() {
        return new Secrets(defaults());
    }
}
