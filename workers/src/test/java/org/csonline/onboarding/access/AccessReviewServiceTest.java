package org.csonline.onboarding.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.csonline.onboarding.calendar.WorkingDays;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.process.OnboardingProcess;
import org.csonline.onboarding.process.ProcessMessage;
import org.csonline.onboarding.support.Onboardings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.csonline.onboarding.account.AccountRepository;
import org.csonline.onboarding.onboarding.OnboardingService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.csonline.onboarding.testdb.DatabaseTest;

@DatabaseTest
@JdbcTest
@Import({AccessReviewService.class, OnboardingRepository.class, OnboardingService.class, AccountRepository.class,
        WorkingDays.class})
class AccessReviewServiceTest {

    @Autowired
    AccessReviewService reviews;
    @Autowired
    JdbcClient jdbc;
    @MockitoBean
    OnboardingProcess process;

    UUID onboarding;

    @BeforeEach
    void anInvitation() {
        onboarding = Onboardings.anOnboarding(jdbc, "sam@example.org");
    }

    private UUID anAccount(String email, UUID createdIn) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into account (id, email, given_name, surname, password_hash, status, onboarding_id, "
                        + "created_at) values (?, ?, 'A', 'B', 'x', 'ACTIVE', ?, ?)")
                .params(id, email, createdIn, Timestamp.from(Instant.now())).update();
        return id;
    }

    @Test
    void queuesTheRequestOfTheAccountCreatedInThisOnboarding() {
        UUID account = anAccount("sam@example.org", onboarding);
        reviews.submit(onboarding, account);
        assertThat(reviews.pending()).extracting(PendingReview::onboardingId).containsExactly(onboarding);
        verify(process).publish(any(), any(), any(), anyMap());
    }

    @Test
    void refusesAnotherApplicantsAccount() {
        UUID stranger = anAccount("stranger@example.org", null);
        assertThatThrownBy(() -> reviews.submit(onboarding, stranger)).isInstanceOf(IllegalStateException.class);
        assertThat(reviews.pending()).isEmpty();
        verify(process, never()).publish(any(), any(), any(), anyMap());
    }

    @Test
    void theFirstDecisionCountsAndIsPublishedOnce() {
        reviews.submit(onboarding, anAccount("sam@example.org", onboarding));
        assertThat(reviews.decide(onboarding, true, "reviewer")).isTrue();
        assertThat(reviews.decide(onboarding, false, "reviewer2")).isFalse();
        verify(process).publish(org.mockito.ArgumentMatchers.eq(ProcessMessage.ACCESS_REVIEW_DECIDED), any(), any(),
                anyMap());
        assertThat(reviews.pending()).isEmpty();
    }

    @Test
    void declineNeedsAReasonAndKeepsItInTheDatabase() {
        reviews.submit(onboarding, anAccount("sam@example.org", onboarding));
        assertThatThrownBy(() -> reviews.decline(onboarding, "reviewer", "  "))
                .isInstanceOf(org.csonline.onboarding.support.UserInputException.class)
                .hasMessage("review.decline.reasonRequired");
        assertThat(reviews.pending()).hasSize(1);
        assertThatThrownBy(() -> reviews.decline(onboarding, "reviewer", "x".repeat(501)))
                .hasMessage("review.decline.reasonTooLong");

        assertThat(reviews.decline(onboarding, "reviewer", " Not this family's record ")).isTrue();
        AccessReviewService.ReviewDecision decision = reviews.decision(onboarding).orElseThrow();
        assertThat(decision.approved()).isFalse();
        assertThat(decision.decidedBy()).isEqualTo("reviewer");
        assertThat(decision.declineReason()).isEqualTo("Not this family's record");
        assertThat(reviews.decline(onboarding, "reviewer2", "again")).isFalse();
        verify(process).publish(org.mockito.ArgumentMatchers.eq(ProcessMessage.ACCESS_REVIEW_DECIDED), any(), any(),
                org.mockito.ArgumentMatchers.eq(java.util.Map.of("accessApproved", false)));
    }
}
