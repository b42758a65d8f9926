package org.csonline.onboarding.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {

    private static final String COLUMNS = "id, email, given_name, surname, phone_e164, status";

    private final JdbcClient jdbc;

    public AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from account where id = ?").param(id)
                .query(AccountRepository::map).optional();
    }

    public Account get(UUID id) {
        return find(id).orElseThrow(() -> new IllegalStateException("No account " + id));
    }

    public Optional<Account> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from account where email = ?").param(email)
                .query(AccountRepository::map).optional();
    }

    Optional<String> passwordHash(UUID id) {
        return jdbc.sql("select password_hash from account where id = ?").param(id).query(String.class).optional();
    }

    /** When the password last changed, if it ever did after the account was created. */
    public Optional<java.time.Instant> credentialsChangedAt(UUID id) {
        return jdbc.sql("select credentials_changed_at from account where id = ?").param(id)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant))
                .optional().flatMap(changed -> changed);
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("given_name"),
                rs.getString("surname"), rs.getString("phone_e164"), AccountStatus.valueOf(rs.getString("status")));
    }
}
