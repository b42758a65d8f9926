package org.csonline.onboarding.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.csonline.onboarding.support.MutableClock;
import org.csonline.onboarding.support.TestDatabase;
import org.csonline.onboarding.timeline.TimelineEntry.Phase;
import org.junit.jupiter.api.Test;
import org.csonline.onboarding.testdb.DatabaseTest;

/** A listener job is recorded once, and job keys that another engine already used do not hide a new journey's steps. */
@DatabaseTest
class TimelineServiceTest {

    final TimelineService timeline = new TimelineService(TestDatabase.create(), new MutableClock());
    final UUID first = UUID.randomUUID();
    final UUID second = UUID.randomUUID();

    @Test
    void aListenerJobRunTwiceIsRecordedOnce() {
        timeline.record(first, "Task_SendSetupEmail", Phase.STARTED, 2251799813685260L);
        timeline.record(first, "Task_SendSetupEmail", Phase.STARTED, 2251799813685260L);

        assertThat(timeline.timeline(first)).hasSize(1);
    }

    @Test
    void theSameJobKeyFromAnEngineStartedAfreshStillRecordsTheNewOnboardingsStep() {
        timeline.record(first, "Task_SendSetupEmail", Phase.STARTED, 2251799813685260L);
        timeline.record(second, "Boundary_SetupCodeChecked", Phase.ENDED, 2251799813685260L);

        assertThat(timeline.timeline(second)).extracting(TimelineEntry::elementId)
                .containsExactly("Boundary_SetupCodeChecked");
        assertThat(timeline.timeline(first)).extracting(TimelineEntry::elementId)
                .containsExactly("Task_SendSetupEmail");
    }
}
