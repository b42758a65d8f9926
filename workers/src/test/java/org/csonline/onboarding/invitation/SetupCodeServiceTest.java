package org.csonline.onboarding.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.csonline.onboarding.email.EmailKind;
import org.csonline.onboarding.email.EmailService;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.onboarding.OnboardingService;
import org.csonline.onboarding.process.OnboardingProcess;
import org.csonline.onboarding.process.ProcessMessage;
import org.csonline.onboarding.support.Onboardings;
import org.csonline.onboarding.progress.ProgressLinks;
import org.csonline.onboarding.support.Secrets;
import org.csonline.onboarding.support.Upserts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.csonline.onboarding.testdb.DatabaseTest;

@DatabaseTest
@JdbcTest
@Import({SetupCodeService.class, Upserts.class, Secrets.class, OnboardingRepository.class, ProgressLinks.class})
class SetupCodeServiceTest {

    @Autowired
    SetupCodeService setupCodes;
    @Autowired
    JdbcClient jdbc;
    @MockitoBean
    EmailService email;
    @MockitoBean
    OnboardingProcess process;
    @MockitoBean
    OnboardingService onboardingService;

    UUID onboarding;
    String code;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void emailTheCode() {
        onboarding = Onboardings.anOnboarding(jdbc, "sam@example.org");
        AtomicReference<Map<String, Object>> model = new AtomicReference<>();
        when(email.sendOnce(eq(onboarding), eq("setup-email:" + onboarding), eq("sam@example.org"),
                eq(EmailKind.SETUP), any(Supplier.class))).thenAnswer(call -> {
                    model.set(((Supplier<Map<String, Object>>) call.getArgument(4)).get());
                    return true;
                });
        setupCodes.createAndSend(onboarding);
        code = (String) model.get().get("setupCode");
    }

    @Test
    void emailsAReadableCodeInGroupsOfFour() {
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
    }

    @Test
    void storesOnlyAHashOfTheCode() {
        String stored = jdbc.sql("select code_hash from setup_code where onboarding_id = ?").param(onboarding)
                .query(String.class).single();
        assertThat(stored).doesNotContain(code.replace("-", ""));
    }

    @Test
    void confirmsTheCodeHoweverItIsTyped() {
        assertThat(setupCodes.check(onboarding, " " + code.toLowerCase().replace("-", " ") + " ").outcome())
                .isEqualTo(SetupCodeOutcome.CONFIRMED);
        assertThat(setupCodes.isAwaitingConfirmation(onboarding)).isFalse();
    }

    @Test
    void locksAfterThreeWrongCodesAndThenRefusesEvenTheRightOne() {
        assertThat(setupCodes.check(onboarding, "AAAA-AAAA")).isEqualTo(new SetupCodeCheck(SetupCodeOutcome.WRONG, 2));
        assertThat(setupCodes.check(onboarding, "BBBB-BBBB")).isEqualTo(new SetupCodeCheck(SetupCodeOutcome.WRONG, 1));
        assertThat(setupCodes.check(onboarding, "CCCC-CCCC").outcome()).isEqualTo(SetupCodeOutcome.LOCKED);
        assertThat(setupCodes.check(onboarding, code).outcome()).isEqualTo(SetupCodeOutcome.LOCKED);
    }

    @Test
    void aCodeLockedFromTheCaseworkerPageEndsTheOnboardingAtOnce() {
        setupCodes.confirmFromCaseworkerPage(onboarding, "AAAA-AAAA");
        setupCodes.confirmFromCaseworkerPage(onboarding, "BBBB-BBBB");
        verify(onboardingService, never()).setupCodeLocked(any());
        assertThat(setupCodes.confirmFromCaseworkerPage(onboarding, "CCCC-CCCC").outcome())
                .isEqualTo(SetupCodeOutcome.LOCKED);
        verify(onboardingService).setupCodeLocked(onboarding);
    }

    @Test
    void caseworkerPageTellsTheProcessOnlyWhenTheQuestionIsSettled() {
        setupCodes.confirmFromCaseworkerPage(onboarding, "AAAA-AAAA");
        verify(process, never()).publish(any(), any(), any(), anyMap());
        setupCodes.confirmFromCaseworkerPage(onboarding, code);
        verify(process).publish(ProcessMessage.SETUP_CODE_CHECKED, onboarding, "CONFIRMED",
                Map.of("setupCodeOutcome", "CONFIRMED"));
    }

    @Test
    void cancellingTheOnboardingMakesTheCodeUseless() {
        setupCodes.invalidate(onboarding);
        assertThat(setupCodes.check(onboarding, code).outcome()).isEqualTo(SetupCodeOutcome.LOCKED);
    }

    @Test
    void reportsNotReadyBeforeTheEmailWasSent() {
        UUID other = Onboardings.anOnboarding(jdbc, "other@example.org");
        assertThat(setupCodes.check(other, "AAAA-AAAA").outcome()).isEqualTo(SetupCodeOutcome.NOT_READY);
    }

    @Test
    void awaitsConfirmationFromTheStartUntilConfirmedOrLocked() {
        UUID other = Onboardings.anOnboarding(jdbc, "other@example.org");
        assertThat(setupCodes.isAwaitingConfirmation(other)).as("before the email went").isTrue();
        assertThat(setupCodes.isAwaitingConfirmation(onboarding)).as("email sent").isTrue();
        setupCodes.invalidate(onboarding);
        assertThat(setupCodes.isAwaitingConfirmation(onboarding)).as("locked").isFalse();
    }

    /** What check-setup-code reports after a Tasklist completion: the staff page's result, never a typed code. */
    @Test
    void statusTellsWhatTheStaffPageDecidedWithoutCheckingAnything() {
        assertThat(setupCodes.status(onboarding)).isEqualTo(SetupCodeOutcome.NOT_CONFIRMED);
        setupCodes.check(onboarding, "AAAA-AAAA");
        assertThat(setupCodes.status(onboarding)).as("a wrong code is not a decision").isEqualTo(SetupCodeOutcome.NOT_CONFIRMED);
        assertThat(jdbc.sql("select wrong_attempts from setup_code where onboarding_id = ?").param(onboarding)
                .query(Integer.class).single()).as("status counts no try").isEqualTo(1);
        setupCodes.check(onboarding, code);
        assertThat(setupCodes.status(onboarding)).isEqualTo(SetupCodeOutcome.CONFIRMED);
        setupCodes.invalidate(Onboardings.anOnboarding(jdbc, "other@example.org"));
        assertThat(setupCodes.status(UUID.randomUUID())).isEqualTo(SetupCodeOutcome.NOT_CONFIRMED);
    }
}
