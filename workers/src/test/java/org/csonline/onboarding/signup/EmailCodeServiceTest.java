package org.csonline.onboarding.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.csonline.onboarding.delivery.ProviderFailure;
import org.csonline.onboarding.email.EmailCodeResult;
import org.csonline.onboarding.email.EmailKind;
import org.csonline.onboarding.email.EmailService;
import org.csonline.onboarding.progress.ProgressLinks;
import org.csonline.onboarding.support.MutableClock;
import org.csonline.onboarding.support.Onboardings;
import org.csonline.onboarding.support.Secrets;
import org.csonline.onboarding.support.UserInputException;
import org.csonline.onboarding.testdb.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@DatabaseTest
@JdbcTest
@Import({EmailCodeService.class, Secrets.class, ProgressLinks.class})
class EmailCodeServiceTest {

    @Autowired
    EmailCodeService codes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @MockitoBean
    EmailService email;

    UUID onboarding;

    final AtomicReference<Map<String, Object>> lastModel = new AtomicReference<>();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void anInvitedApplicant() {
        onboarding = Onboardings.anOnboarding(jdbc, "sam@example.org");
        when(email.sendOnce(any(UUID.class), any(String.class), any(String.class), any(EmailKind.class),
                any(Supplier.class))).thenAnswer(call -> {
                    lastModel.set(((Supplier<Map<String, Object>>) call.getArgument(4)).get());
                    return true;
                });
    }

    private String sendCode() {
        codes.send(codes.request(onboarding, "sam@example.org"));
        return (String) lastModel.get().get("code");
    }

    @Test
    void acceptsTheEmailedCodeWithSpaces() {
        String code = sendCode();
        assertThat(codes.check(onboarding, code.substring(0, 3) + " " + code.substring(3)))
                .isEqualTo(EmailCodeResult.VERIFIED);
    }

    @Test
    void rejectsAWrongCodeAndAfterFiveWrongTriesRefusesTheRightOne() {
        String code = sendCode();
        String wrong = code.equals("111111") ? "222222" : "111111";
        for (int i = 0; i < 4; i++) {
            assertThat(codes.check(onboarding, wrong)).isEqualTo(EmailCodeResult.WRONG);
        }
        assertThat(codes.check(onboarding, wrong)).isEqualTo(EmailCodeResult.TOO_MANY_TRIES);
        assertThat(codes.check(onboarding, code)).isEqualTo(EmailCodeResult.TOO_MANY_TRIES);
    }

    @Test
    void rejectsTheCodeAfterThirtyMinutes() {
        String code = sendCode();
        clock.advance(Duration.ofMinutes(31));
        assertThat(codes.check(onboarding, code)).isEqualTo(EmailCodeResult.EXPIRED);
    }

    @Test
    void aNewCodeDoesNotCancelOneTheApplicantMayStillBeTyping() {
        String first = sendCode();
        String second = sendCode();
        assertThat(codes.check(onboarding, first)).isEqualTo(EmailCodeResult.VERIFIED);
        assertThat(codes.check(onboarding, second)).as("one verification uses up every code")
                .isNotEqualTo(EmailCodeResult.VERIFIED);
    }

    @Test
    void refusesASixthCodeWithinAnHour() {
        for (int i = 0; i < 5; i++) {
            sendCode();
        }
        assertThatThrownBy(() -> codes.request(onboarding, "sam@example.org"))
                .isInstanceOf(UserInputException.class).hasMessage("signup.code.tooManySends");
        clock.advance(Duration.ofMinutes(61));
        codes.request(onboarding, "sam@example.org");
    }

    @Test
    void pressingAgainWhileACodeIsOnItsWayAsksForThatCodeOnce() {
        long first = codes.request(onboarding, "sam@example.org");
        for (int i = 0; i < 10; i++) {
            assertThat(codes.request(onboarding, "sam@example.org")).isEqualTo(first);
        }
        codes.send(first);
        assertThat(codes.request(onboarding, "sam@example.org")).as("a new code once the first was sent")
                .isNotEqualTo(first);
    }

    @Test
    void aCodeTheProviderDidNotTakeDoesNotCountTowardsTheLimit() {
        when(email.sendOnce(any(UUID.class), any(String.class), any(String.class), any(EmailKind.class),
                any(Supplier.class))).thenAnswer(call -> {
                    ((Supplier<?>) call.getArgument(4)).get();
                    throw ProviderFailure.transientFailure("SendGrid answered HTTP 503");
                });
        // Another address each time, so each is a request of its own rather than the one still on its way.
        for (int i = 0; i < 8; i++) {
            long request = codes.request(onboarding, "sam+" + i + "@example.org");
            assertThatThrownBy(() -> codes.send(request)).isInstanceOf(ProviderFailure.class);
        }
        assertThat(codes.request(onboarding, "sam@example.org")).as("still allowed: nothing was sent").isPositive();
    }

    @Test
    void saysWhenNoCodeHasBeenSentYet() {
        assertThat(codes.check(onboarding, "123456")).isEqualTo(EmailCodeResult.NO_CODE);
    }
}
