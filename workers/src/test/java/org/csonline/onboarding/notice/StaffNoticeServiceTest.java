package org.csonline.onboarding.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.UUID;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.support.CouncilProperties;
import org.csonline.onboarding.support.MutableClock;
import org.csonline.onboarding.support.Onboardings;
import org.csonline.onboarding.support.TestDatabase;
import org.csonline.onboarding.support.TestSecrets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.csonline.onboarding.testdb.DatabaseTest;

/** A notice job is recorded once, and a job key another engine already used does not hide a new onboarding's notice. */
@DatabaseTest
class StaffNoticeServiceTest {

    static final long JOB_KEY = 2251799813685301L;

    final JdbcClient jdbc = TestDatabase.create();
    final MutableClock clock = new MutableClock();
    final StaffNoticeService notices = new StaffNoticeService(jdbc, new OnboardingRepository(jdbc, clock), null,
            new CouncilProperties("Norfolk County Council", "My Norfolk", "Children's Services Online", "https://x"),
            TestSecrets.defaults(), new StaticListableBeanFactory().getBeanProvider(StaffDirectory.class), clock);

    @Test
    void aNoticeJobRunTwiceIsRecordedOnce() {
        UUID onboarding = onboarding("caseworker");
        notices.tellCaseworker(onboarding, StaffNoticeKind.SETUP_CODE_REMINDER, null, JOB_KEY);
        notices.tellCaseworker(onboarding, StaffNoticeKind.SETUP_CODE_REMINDER, null, JOB_KEY);

        assertThat(notices.forUser("caseworker", false)).hasSize(1);
    }

    @Test
    void theSameJobKeyFromAnEngineStartedAfreshStillTellsTheNewOnboardingsCaseworker() {
        notices.tellCaseworker(onboarding("caseworker"), StaffNoticeKind.SETUP_CODE_REMINDER, null, JOB_KEY);
        UUID later = onboarding("other.caseworker");
        notices.tellCaseworker(later, StaffNoticeKind.INVITATION_EXPIRED, null, JOB_KEY);

        assertThat(notices.forUser("other.caseworker", false)).extracting(StaffNotice::onboardingId, StaffNotice::notice)
                .containsExactly(tuple(later, "INVITATION_EXPIRED"));
    }

    @Test
    void aStoredNoticeReadsInItsWordingWithTheConfiguredLimit() {
        UUID onboarding = onboarding("caseworker");
        notices.tellCaseworker(onboarding, StaffNoticeKind.SETUP_CODE_LOCKED, null, JOB_KEY);
        jdbc.sql("insert into staff_notice (onboarding_id, audience, notice, created_at) "
                + "values (?, 'caseworker', 'FROM_A_LATER_RELEASE', current_timestamp)").param(onboarding).update();

        assertThat(notices.forOnboarding(onboarding)).extracting(StaffNotice::text).containsExactly(
                StaffNoticeKind.UNKNOWN, "The setup code was entered wrongly 3 times, so the invitation was cancelled.");
    }

    private UUID onboarding(String caseworker) {
        return Onboardings.anOnboarding(jdbc, "sam.parent@example.org", caseworker);
    }
}
