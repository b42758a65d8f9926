package org.csonline.onboarding.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test data written straight to the tables. */
public final class Rows {

    private Rows() {
    }

    public static UUID onboarding(JdbcClient jdbc, String email) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into onboarding (id, applicant_email, record_reference, record_name, caseworker, status, "
                        + "created_at, updated_at) values (?, ?, 'CR-1', 'Riley', 'caseworker', 'IN_PROGRESS', ?, ?)")
                .params(id, email, now, now).update();
        return id;
    }

    public static UUID account(JdbcClient jdbc, String email, String passwordHash, String phone, String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into account (id, email, given_name, surname, password_hash, phone_e164, status, created_at) "
                        + "values (?, ?, 'Sam', 'Parent', ?, ?, ?, ?)")
                .params(id, email, passwordHash, phone, status, Timestamp.from(Instant.now())).update();
        return id;
    }
}
