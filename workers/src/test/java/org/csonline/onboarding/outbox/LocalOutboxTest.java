package org.csonline.onboarding.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.csonline.onboarding.support.MutableClock;
import org.csonline.onboarding.testdb.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Not in a test transaction: a reader on one thread waits for what another thread delivers and commits. */
@DatabaseTest
@JdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import(LocalOutbox.class)
class LocalOutboxTest {

    @Autowired
    LocalOutbox outbox;
    @Autowired
    MutableClock clock;

    private final String recipient = UUID.randomUUID() + "@example.org";

    @Test
    void aReaderWaitsForTheFirstMessageSinceItAskedAndGetsItWhenItIsDelivered() throws Exception {
        outbox.deliver(Channel.EMAIL, recipient, "Earlier", "before the reader asked");
        clock.advance(Duration.ofSeconds(1));
        Instant since = clock.instant();
        Thread later = Thread.ofVirtual().start(() -> {
            sleep(Duration.ofMillis(300));
            outbox.deliver(Channel.EMAIL, "someone-else@example.org", "Code", "not this reader's");
            outbox.deliver(Channel.EMAIL, recipient, "Code", "your code is 123456");
        });

        List<OutboxEntry> entries = outbox.entriesTo(recipient, since, Duration.ofSeconds(20));
        later.join();

        assertThat(entries).extracting(OutboxEntry::subject).containsExactly("Code");
    }

    @Test
    void comesBackEmptyWhenNothingArrivesInTime() throws Exception {
        outbox.deliver(Channel.SMS, recipient, null, "an old code");
        clock.advance(Duration.ofSeconds(1));

        assertThat(outbox.entriesTo(recipient, clock.instant(), Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void withoutAWaitAnswersAtOnceWithWhatIsThere() throws Exception {
        Instant since = clock.instant();
        outbox.deliver(Channel.CALL, recipient, null, "1, 2, 3, 4, 5, 6");

        assertThat(outbox.entriesTo(recipient, since, Duration.ZERO)).extracting(OutboxEntry::channel)
                .containsExactly(Channel.CALL);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
