package org.csonline.onboarding.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.csonline.onboarding.support.MutableClock;
import org.csonline.onboarding.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.csonline.onboarding.testdb.DatabaseTest;

@DatabaseTest
class AuditLogTest {

    final MutableClock clock = MutableClock.atStart();
    final AuditLog audit = new AuditLog(TestDatabase.create(), clock);

    @Test
    void recordsWhoWhatWhenAndFromWhere() {
        UUID account = UUID.randomUUID();
        audit.record(AuditEvent.SIGNED_IN.byAccount(account).from("203.0.113.9"));
        AuditEntry entry = audit.recent(1).getFirst();
        assertThat(entry.event()).isEqualTo(AuditEvent.SIGNED_IN);
        assertThat(entry.actor()).isEqualTo("account:" + account);
        assertThat(entry.accountId()).isEqualTo(account);
        assertThat(entry.clientAddress()).isEqualTo("203.0.113.9");
        assertThat(entry.at()).isEqualTo(clock.instant());
    }

    @Test
    void anUnknownActorIsRecordedAsApplicant() {
        audit.record(AuditEvent.SIGN_IN_PASSWORD_REJECTED.from("203.0.113.9"));
        assertThat(audit.recent(1).getFirst().actor()).isEqualTo("applicant");
    }

    @Test
    void cutsLongDetailsToTheColumn() {
        audit.record(AuditEvent.ACCESS_REFUSED.from("203.0.113.9").detail("x".repeat(1000)));
        assertThat(audit.recent(1).getFirst().detail()).hasSize(300);
    }

    @Test
    void aLineStoresEachPartInItsOwnColumn() {
        UUID onboarding = UUID.randomUUID();
        UUID account = UUID.randomUUID();
        audit.record(AuditEvent.RATE_LIMITED.by("staff:sam").onboarding(onboarding).account(account)
                .from("203.0.113.9").detail("PASSWORD_CHECK"));
        AuditEntry entry = audit.recent(1).getFirst();
        assertThat(entry).isEqualTo(new AuditEntry(clock.instant(), AuditEvent.RATE_LIMITED, "staff:sam", onboarding,
                account, "203.0.113.9", "PASSWORD_CHECK"));
    }

    @Test
    @SuppressWarnings("removal")
    void thePositionalFormStoresTheSameAsALine() {
        UUID account = UUID.randomUUID();
        audit.record(AuditEvent.SIGNED_IN.byAccount(account).from("203.0.113.9"));
        audit.record(AuditEvent.SIGNED_IN.byAccount(account).from("203.0.113.9"));
        assertThat(audit.recent(2).get(0)).isEqualTo(audit.recent(2).get(1));
    }
}
