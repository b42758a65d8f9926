package org.csonline.onboarding.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.csonline.onboarding.outbox.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;

@JdbcTest
@Import(DeliveryLedger.class)
class DeliveryLedgerTest {

    @Autowired
    DeliveryLedger ledger;

    @Test
    void sendsOncePerKeyHoweverOftenTheJobRuns() {
        AtomicInteger sends = new AtomicInteger();
        assertThat(ledger.once("setup-email:1", Channel.EMAIL, sends::incrementAndGet)).isTrue();
        assertThat(ledger.once("setup-email:1", Channel.EMAIL, sends::incrementAndGet)).isFalse();
        assertThat(ledger.once("setup-email:2", Channel.EMAIL, sends::incrementAndGet)).isTrue();
        assertThat(sends).hasValue(2);
    }

    @Test
    void sendsAgainWhenTheProviderNeverAcceptedTheFirstTry() {
        AtomicInteger sends = new AtomicInteger();
        assertThatThrownBy(() -> ledger.once("invitation-email:1", Channel.EMAIL, () -> {
            throw new IllegalStateException("provider down");
        })).hasMessage("provider down");
        assertThat(ledger.alreadySent("invitation-email:1")).isFalse();
        assertThat(ledger.once("invitation-email:1", Channel.EMAIL, sends::incrementAndGet)).isTrue();
        assertThat(sends).hasValue(1);
    }
}
