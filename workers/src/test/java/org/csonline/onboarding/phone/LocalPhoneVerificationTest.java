package org.csonline.onboarding.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.csonline.onboarding.outbox.LocalOutbox;
import org.csonline.onboarding.support.CouncilProperties;
import org.csonline.onboarding.support.MutableClock;
import org.csonline.onboarding.support.TestDatabase;
import org.csonline.onboarding.support.TestSecrets;
import org.csonline.onboarding.support.UserInputException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Phone code rules (DESIGN.md section 5): 10 minutes, 5 wrong checks, 5 sends while one is pending. */
class LocalPhoneVerificationTest {

    static final String PHONE = "+447700900982";

    final JdbcClient jdbc = TestDatabase.fresh();
    final MutableClock clock = MutableClock.atStart();
    final LocalOutbox outbox = new LocalOutbox(jdbc, clock);
    final LocalPhoneVerification verification = new LocalPhoneVerification(jdbc, TestSecrets.secrets(),
            TestSecrets.defaults(), outbox, new CouncilProperties("Norfolk County Council", "M", "C", "https://x"), clock);

    @Test
    void approvesTheCodeTypedWithSpaces() {
        String code = send(PhoneChannel.SMS);
        assertThat(verification.check(PHONE, code.substring(0, 3) + " " + code.substring(3)))
                .isEqualTo(PhoneCheckResult.APPROVED);
    }

    @Test
    void expiresAfterTenMinutes() {
        String code = send(PhoneChannel.SMS);
        clock.advance(Duration.ofMinutes(10));
        assertThat(verification.check(PHONE, code)).isEqualTo(PhoneCheckResult.EXPIRED);
    }

    @Test
    void fiveWrongChecksEndTheCode() {
        String code = send(PhoneChannel.SMS);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 4; i++) {
            assertThat(verification.check(PHONE, wrong)).isEqualTo(PhoneCheckResult.WRONG);
        }
        assertThat(verification.check(PHONE, wrong)).isEqualTo(PhoneCheckResult.TOO_MANY_CHECKS);
        assertThat(verification.check(PHONE, code)).isEqualTo(PhoneCheckResult.TOO_MANY_CHECKS);
    }

    @Test
    void refusesASixthSendWhileACodeIsPending() {
        for (int i = 0; i < 5; i++) {
            send(PhoneChannel.SMS);
        }
        assertThatThrownBy(() -> verification.start(PHONE, PhoneChannel.CALL))
                .isInstanceOfSatisfying(UserInputException.class,
                        e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("phone.code.tooManySends"));
        clock.advance(Duration.ofMinutes(11));
        send(PhoneChannel.SMS);
    }

    @Test
    void aCallReadsTheCodeOutDigitByDigit() {
        verification.start(PHONE, PhoneChannel.CALL);
        String body = outbox.entries().getFirst().body();
        assertThat(body).containsPattern("code is (\\d, ){5}\\d");
    }

    private String send(PhoneChannel channel) {
        verification.start(PHONE, channel);
        Matcher matcher = Pattern.compile("code is (\\d{6})").matcher(outbox.entries().getFirst().body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
