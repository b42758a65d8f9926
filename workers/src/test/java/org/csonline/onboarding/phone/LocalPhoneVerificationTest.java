package org.csonline.onboarding.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.csonline.onboarding.outbox.Channel;
import org.csonline.onboarding.outbox.LocalOutbox;
import org.csonline.onboarding.outbox.OutboxEntry;
import org.csonline.onboarding.support.MutableClock;
import org.csonline.onboarding.support.Secrets;
import org.csonline.onboarding.support.Upserts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.csonline.onboarding.testdb.DatabaseTest;

@DatabaseTest
@JdbcTest
@Import({LocalPhoneVerification.class, Upserts.class, LocalOutbox.class, Secrets.class})
class LocalPhoneVerificationTest {

    static final String MOBILE = "+447400123456";

    @Autowired
    LocalPhoneVerification verification;
    @Autowired
    LocalOutbox outbox;
    @Autowired
    MutableClock clock;

    private OutboxEntry latest() {
        return outbox.entries().getFirst();
    }

    private String textedCode() {
        verification.start(MOBILE, PhoneChannel.SMS);
        return latest().body().replaceAll(".*code is (\\d{6}).*", "$1");
    }

    @Test
    void textsASixDigitCodeThatChecksOnce() {
        String code = textedCode();
        assertThat(latest().channel()).isEqualTo(Channel.SMS);
        assertThat(code).matches("\\d{6}");
        assertThat(verification.check(MOBILE, code)).isEqualTo(PhoneCheckResult.APPROVED);
        assertThat(verification.check(MOBILE, code)).as("used up").isEqualTo(PhoneCheckResult.EXPIRED);
    }

    @Test
    void aCallReadsTheDigitsOutTwice() {
        verification.start(MOBILE, PhoneChannel.CALL);
        assertThat(latest().channel()).isEqualTo(Channel.CALL);
        assertThat(latest().body()).containsPattern("code is (\\d, ){5}\\d\\. Again, your code is (\\d, ){5}\\d");
    }

    @Test
    void expiresAfterTenMinutes() {
        String code = textedCode();
        clock.advance(Duration.ofMinutes(11));
        assertThat(verification.check(MOBILE, code)).isEqualTo(PhoneCheckResult.EXPIRED);
    }

    @Test
    void fiveWrongChecksEndTheVerification() {
        String code = textedCode();
        String wrong = code.equals("111111") ? "222222" : "111111";
        for (int i = 0; i < 4; i++) {
            assertThat(verification.check(MOBILE, wrong)).isEqualTo(PhoneCheckResult.WRONG);
        }
        assertThat(verification.check(MOBILE, wrong)).isEqualTo(PhoneCheckResult.TOO_MANY_CHECKS);
        assertThat(verification.check(MOBILE, code)).isEqualTo(PhoneCheckResult.TOO_MANY_CHECKS);
    }

    @Test
    void refusesASixthSendWhileOneIsPending() {
        for (int i = 0; i < 5; i++) {
            assertThat(verification.start(MOBILE, PhoneChannel.SMS)).isEqualTo(PhoneCodeOutcome.SENT);
        }
        int delivered = outbox.entries().size();
        assertThat(verification.start(MOBILE, PhoneChannel.SMS)).isEqualTo(PhoneCodeOutcome.TOO_MANY_SENDS);
        assertThat(outbox.entries()).hasSize(delivered);
    }
}
