package org.csonline.onboarding.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test data written straight to the tables (onboardings: {@link Onboardings}). */
public final class Rows {

    private Rows() {
    }

    public static UUID account(JdbcClient jdbc, String email, String passwordHash, String phone, String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into account (id, email, given_name, surname, password_hash, phone_e164, status, created_at) "
                        + "values (?, ?, 'Sam', 'Parent', ?, ?, ?, ?)")
                .params(id, email, passwordHash, phone, status, Timestamp.from(Instant.now())).update();
        return id;
    }
}
