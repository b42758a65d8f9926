package org.csonline.onboarding.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in lockout and password reset limits. After {@code freeFailures} wrong passwords for one email address the
 * sign-in is locked for {@code firstLockout}, doubling with each further failure up to {@code maxLockout}; a day
 * without failures ({@code failureMemory}) starts the count again.
 */
@ConfigurationProperties("cso.sign-in")
public record SignInProperties(int freeFailures, Duration firstLockout, Duration maxLockout, Duration failureMemory,
        Duration resetCodeValidity, int resetCodeMaxTries) {
}
