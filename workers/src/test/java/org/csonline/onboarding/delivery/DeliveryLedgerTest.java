package org.csonline.onboarding.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.csonline.onboarding.outbox.Channel;
import org.csonline.onboarding.support.DatabaseFailures;
import org.csonline.onboarding.support.MutableClock;
import org.csonline.onboarding.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.csonline.onboarding.testdb.DatabaseTest;

@DatabaseTest
class DeliveryLedgerTest {

    final JdbcClient jdbc = TestDatabase.create();
    final MutableClock clock = new MutableClock();
    final DeliveryLedger ledger = new DeliveryLedger(jdbc, clock, new DeliveryProperties(5, null, null, null,
            Duration.ofMinutes(6), null));
    final AtomicInteger sends = new AtomicInteger();

    @Test
    void sendsOnceWhenRunTwice() {
        assertThat(ledger.once("setup-email:1", Channel.EMAIL, sends::incrementAndGet)).isTrue();
        assertThat(ledger.once("setup-email:1", Channel.EMAIL, sends::incrementAndGet)).isFalse();
        assertThat(sends).hasValue(1);
        assertThat(ledger.alreadySent("setup-email:1")).isTrue();
    }

    @Test
    void recordsTheProviderReferenceAfterTheCall() {
        ledger.once("email-code:7", Channel.EMAIL, () -> "sg-message-42");
        assertThat(jdbc.sql("select provider_ref from message_delivery where delivery_key = 'email-code:7'")
                .query(String.class).single()).isEqualTo("sg-message-42");
    }

    @Test
    void aSendTheDatabaseMissedIsRecordedByTheNextRunWhichSendsNothing() {
        DataSource database = TestDatabase.dataSource();
        AtomicBoolean away = new AtomicBoolean();
        DataSource link = new DelegatingDataSource(database) {
            @Override
            public Connection getConnection() throws SQLException {
                if (away.get()) {
                    throw new SQLNonTransientConnectionException("Connection is broken", "08006");
                }
                return super.getConnection();
            }
        };
        DeliveryLedger cutOff = new DeliveryLedger(JdbcClient.create(link), clock, new DeliveryProperties(5, null,
                null, null, Duration.ofMinutes(6), null));

        assertThatThrownBy(() -> cutOff.once("invitation-email:3", Channel.EMAIL, () -> {
            sends.incrementAndGet();
            away.set(true); // the provider took it; the database goes away before SENT is written
            return "sg-3";
        })).satisfies(e -> assertThat(DatabaseFailures.isUnreachable(e)).isTrue());
        away.set(false);

        assertThat(cutOff.once("invitation-email:3", Channel.EMAIL, sends::incrementAndGet))
                .as("the next run finds it sent, within the claim timeout").isFalse();
        assertThat(sends).hasValue(1);
        assertThat(JdbcClient.create(database).sql("select provider_ref from message_delivery "
                + "where delivery_key = 'invitation-email:3' and status = 'SENT'").query(String.class).single())
                .isEqualTo("sg-3");
    }

    @Test
    void twoRunsAtOnceSendOnce() throws Exception {
        CountDownLatch firstInsideProvider = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = threads.submit(() -> ledger.once("phone-code:3", Channel.SMS, () -> {
                sends.incrementAndGet();
                firstInsideProvider.countDown();
                await(release);
            }));
            assertThat(firstInsideProvider.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Boolean> second = threads.submit(() -> ledger.once("phone-code:3", Channel.SMS,
                    sends::incrementAndGet));
            assertThatThrownBy(second::get).hasCauseInstanceOf(DeliveryInProgressException.class);
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            threads.shutdownNow();
        }
        assertThat(sends).hasValue(1);
        assertThat(ledger.once("phone-code:3", Channel.SMS, sends::incrementAndGet)).isFalse();
        assertThat(sends).hasValue(1);
    }

    @Test
    void aClaimOlderThanTheClaimTimeoutIsTakenOver() {
        jdbc.sql("insert into message_delivery (delivery_key, channel, status, created_at, claimed_at, claims) "
                + "values ('setup-email:9', 'EMAIL', 'PENDING', ?, ?, 1)")
                .params(java.sql.Timestamp.from(clock.instant()), java.sql.Timestamp.from(clock.instant())).update();
        clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(() -> ledger.once("setup-email:9", Channel.EMAIL, sends::incrementAndGet))
                .isInstanceOf(DeliveryInProgressException.class);
        clock.advance(Duration.ofMinutes(2));
        assertThat(ledger.once("setup-email:9", Channel.EMAIL, sends::incrementAndGet)).isTrue();
        assertThat(sends).hasValue(1);
    }

    @Test
    void aFailedCallReleasesTheKeyAndCountsTheFailure() {
        for (int attempt = 1; attempt <= 2; attempt++) {
            int expected = attempt;
            assertThatThrownBy(() -> ledger.once("email-code:4", Channel.EMAIL, () -> {
                throw ProviderFailure.transientFailure("SendGrid answered HTTP 500");
            })).isInstanceOfSatisfying(ProviderFailure.class, f -> assertThat(f.failures()).isEqualTo(expected));
        }
        assertThat(ledger.once("email-code:4", Channel.EMAIL, sends::incrementAndGet)).isTrue();
        assertThat(sends).hasValue(1);
        assertThat(jdbc.sql("select status from message_delivery where delivery_key = 'email-code:4'")
                .query(String.class).single()).isEqualTo("SENT");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
