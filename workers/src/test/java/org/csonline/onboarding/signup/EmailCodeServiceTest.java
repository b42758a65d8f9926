package org.csonline.onboarding.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.csonline.onboarding.email.EmailKind;
import org.csonline.onboarding.email.EmailService;
import org.csonline.onboarding.progress.ProgressLinks;
import org.csonline.onboarding.support.CouncilProperties;
import org.csonline.onboarding.support.MutableClock;
import org.csonline.onboarding.support.Rows;
import org.csonline.onboarding.support.TestDatabase;
import org.csonline.onboarding.support.TestSecrets;
import org.csonline.onboarding.support.UserInputException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The email code rules of DESIGN.md section 5: 30 minutes, 5 wrong tries, 5 sends an hour. */
class EmailCodeServiceTest {

    final JdbcClient jdbc = TestDatabase.fresh();
    final MutableClock clock = MutableClock.atStart();
    final EmailService email = mock(EmailService.class);
    final EmailCodeService codes = new EmailCodeService(jdbc, TestSecrets.secrets(), TestSecrets.defaults(), email,
            clock, new ProgressLinks(TestSecrets.secrets(), new CouncilProperties("N", "M", "C", "https://x")));
    final UUID onboarding = Rows.onboarding(jdbc, "sam@example.org");

    @Test
    void acceptsTheCodeWithSpacesAndHyphens() {
        String code = sendCode();
        assertThat(codes.check(onboarding, " " + code.substring(0, 3) + "-" + code.substring(3) + " "))
                .isEqualTo(EmailCodeResult.VERIFIED);
    }

    @Test
    void aCodeWorksOnce() {
        String code = sendCode();
        assertThat(codes.check(onboarding, code)).isEqualTo(EmailCodeResult.VERIFIED);
        assertThat(codes.check(onboarding, code)).isEqualTo(EmailCodeResult.EXPIRED);
    }

    @Test
    void expiresAfterThirtyMinutes() {
        String code = sendCode();
        clock.advance(Duration.ofMinutes(30));
        assertThat(codes.check(onboarding, code)).isEqualTo(EmailCodeResult.EXPIRED);
    }

    @Test
    void stillWorksJustBeforeItExpires() {
        String code = sendCode();
        clock.advance(Duration.ofMinutes(29));
        assertThat(codes.check(onboarding, code)).isEqualTo(EmailCodeResult.VERIFIED);
    }

    @Test
    void fiveWrongTriesUseTheCodeUp() {
        String code = sendCode();
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 4; i++) {
            assertThat(codes.check(onboarding, wrong)).isEqualTo(EmailCodeResult.WRONG);
        }
        assertThat(codes.check(onboarding, wrong)).isEqualTo(EmailCodeResult.TOO_MANY_TRIES);
        assertThat(codes.check(onboarding, code)).isEqualTo(EmailCodeResult.TOO_MANY_TRIES);
    }

    @Test
    void aNewCodeLeavesTheEarlierOneWorking() {
        String first = sendCode();
        sendCode();
        assertThat(codes.check(onboarding, first)).isEqualTo(EmailCodeResult.VERIFIED);
    }

    @Test
    void refusesASixthCodeWithinTheHour() {
        for (int i = 0; i < 5; i++) {
            codes.request(onboarding, "sam@example.org");
        }
        assertThatThrownBy(() -> codes.request(onboarding, "sam@example.org"))
                .isInstanceOfSatisfying(UserInputException.class,
                        e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("signup.code.tooManySends"));
        clock.advance(Duration.ofMinutes(61));
        codes.request(onboarding, "sam@example.org");
    }

    @Test
    void saysWhenNoCodeHasBeenSentYet() {
        assertThat(codes.check(onboarding, "123456")).isEqualTo(EmailCodeResult.NO_CODE);
    }

    @Test
    void theEmailLinksToTheProgressPage() {
        sendCode();
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> model = ArgumentCaptor.forClass(Map.class);
        verify(email).sendOnce(anyString(), eq("sam@example.org"), eq(EmailKind.VERIFICATION_CODE), model.capture());
        assertThat(model.getValue().get("progressLink").toString()).startsWith("https://x/progress/");
    }

    @SuppressWarnings("unchecked")
    private String sendCode() {
        long request = codes.request(onboarding, "sam@example.org");
        codes.send(request);
        ArgumentCaptor<Map<String, Object>> model = ArgumentCaptor.forClass(Map.class);
        verify(email, org.mockito.Mockito.atLeastOnce()).sendOnce(anyString(), anyString(), any(), model.capture());
        return (String) model.getValue().get("code");
    }
}
