package org.csonline.onboarding.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.csonline.onboarding.staff.CaseworkerQueue.Item;
import org.csonline.onboarding.staff.CaseworkerQueue.Kind;
import org.csonline.onboarding.testdb.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the staff home lists for a caseworker, each with when it started waiting, and what leaves the list. */
class CaseworkerQueueTest {

    JdbcClient jdbc;
    CaseworkerQueue queue;

    @BeforeEach
    void database() {
        jdbc = JdbcClient.create(TestDatabases.fresh().migrated().dataSource());
        queue = new CaseworkerQueue(jdbc);
    }

    @Test
    void listsTheFourKindsOfWorkOldestFirst() {
        UUID code = onboarding("jo", "IN_PROGRESS", null, "2026-11-20T09:00:00Z");
        jdbc.sql("insert into setup_code (onboarding_id, code_hash, created_at) values (?, 'x', ?)")
                .params(code, ts("2026-11-20T09:00:05Z")).update();
        UUID bounced = onboarding("jo", "IN_PROGRESS", null, "2026-11-18T09:00:00Z");
        jdbc.sql("insert into staff_notice (onboarding_id, audience, notice, job_key, created_at) "
                + "values (?, 'jo', 'EMAIL_UNDELIVERABLE', 7, ?)").params(bounced, ts("2026-11-19T10:00:00Z")).update();
        UUID expired = onboarding("jo", "CANCELLED", "INVITATION_EXPIRED", "2026-10-01T09:00:00Z");
        UUID declined = onboarding("jo", "DECLINED", null, "2026-11-01T09:00:00Z");
        jdbc.sql("insert into access_request (onboarding_id, account_id, submitted_at, decision, decided_at) "
                        + "values (?, ?, ?, 'DECLINED', ?)")
                .params(declined, UUID.randomUUID(), ts("2026-11-02T09:00:00Z"), ts("2026-11-03T09:00:00Z")).update();
        UUID cancelledByHand = onboarding("jo", "CANCELLED", "CANCELLED_BY_CASEWORKER", "2026-11-01T09:00:00Z");
        UUID someoneElses = onboarding("sam", "CANCELLED", "SETUP_CODE_EXPIRED", "2026-11-01T09:00:00Z");

        assertThat(queue.itemsFor("jo", false)).extracting(Item::kind, Item::onboardingId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.INVITE_AGAIN, expired),
                org.assertj.core.groups.Tuple.tuple(Kind.EXPLAIN_DECLINE, declined),
                org.assertj.core.groups.Tuple.tuple(Kind.EMAIL_UNDELIVERABLE, bounced),
                org.assertj.core.groups.Tuple.tuple(Kind.CONFIRM_SETUP_CODE, code));
        assertThat(queue.itemsFor("jo", false).getLast().since()).isEqualTo(Instant.parse("2026-11-20T09:00:05Z"));
        assertThat(queue.itemsFor("jo", false)).extracting(Item::onboardingId).doesNotContain(cancelledByHand);
        assertThat(queue.itemsFor("manager", true)).extracting(Item::onboardingId).contains(someoneElses, code);
    }

    @Test
    void itemsLeaveWhenTheOnboardingMovesOnOrTheCaseworkerMarksThemDone() {
        UUID code = onboarding("jo", "IN_PROGRESS", null, "2026-11-20T09:00:00Z");
        jdbc.sql("insert into setup_code (onboarding_id, code_hash, created_at, confirmed_at) values (?, 'x', ?, ?)")
                .params(code, ts("2026-11-20T09:00:05Z"), ts("2026-11-20T10:00:00Z")).update();
        UUID expired = onboarding("jo", "CANCELLED", "SETUP_CODE_EXPIRED", "2026-10-01T09:00:00Z");
        UUID reinvited = onboarding("jo", "CANCELLED", "SIGN_UP_ABANDONED", "2026-10-01T09:00:00Z");
        UUID again = onboarding("jo", "IN_PROGRESS", null, "2026-10-02T09:00:00Z");
        jdbc.sql("update onboarding set previous_onboarding_id = ? where id = ?").params(reinvited, again).update();

        assertThat(queue.itemsFor("jo", false)).extracting(Item::onboardingId).containsExactly(expired);
        queue.markDone(expired, Kind.INVITE_AGAIN, "jo", Instant.parse("2026-11-30T09:00:00Z"));
        queue.markDone(expired, Kind.INVITE_AGAIN, "jo", Instant.parse("2026-11-30T09:01:00Z"));
        assertThat(queue.itemsFor("jo", false)).isEmpty();
        assertThatThrownBy(() -> queue.markDone(code, Kind.CONFIRM_SETUP_CODE, "jo", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private UUID onboarding(String caseworker, String status, String reason, String at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into onboarding (id, applicant_email, record_reference, record_name, caseworker, status, "
                        + "cancellation_reason, created_at, updated_at) values (?, 'a@example.org', 'CR-1', 'Riley', "
                        + "?, ?, ?, ?, ?)")
                .params(id, caseworker, status, reason, ts(at), ts(at)).update();
        return id;
    }

    private static Timestamp ts(String at) {
        return Timestamp.from(Instant.parse(at));
    }
}
