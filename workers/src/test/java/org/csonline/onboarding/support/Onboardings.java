package org.csonline.onboarding.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test data: an onboarding row as a caseworker's start would leave it. */
public final class Onboardings {

    private Onboardings() {
    }

    public static UUID anOnboarding(JdbcClient jdbc, String applicantEmail) {
        return anOnboarding(jdbc, applicantEmail, "caseworker");
    }

    public static UUID anOnboarding(JdbcClient jdbc, String applicantEmail, String caseworker) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.parse("2026-11-26T09:00:00Z"));
        jdbc.sql("insert into onboarding (id, applicant_email, record_reference, record_name, caseworker, status, "
                        + "created_at, updated_at) values (?, ?, 'CR-1', 'Riley', ?, 'IN_PROGRESS', ?, ?)")
                .params(id, applicantEmail, caseworker, now, now).update();
        return id;
    }
}
