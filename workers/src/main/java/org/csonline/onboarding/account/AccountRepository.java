package org.csonline.onboarding.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only writer of the {@code account} table; the account feature's services change accounts through it. */
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

    /** The account created in this onboarding (guide step 10), if any. */
    public Optional<UUID> idForOnboarding(UUID onboardingId) {
        return jdbc.sql("select id from account where onboarding_id = ?").param(onboardingId)
                .query(UUID.class).optional();
    }

    /** The accounts created in this onboarding that never became active (the request was declined, say). */
    public List<UUID> notActiveOf(UUID onboardingId) {
        return jdbc.sql("select id from account where onboarding_id = ? and status <> 'ACTIVE'").param(onboardingId)
                .query(UUID.class).list();
    }

    /**
     * Retention: deletes an account that never became active; an active account is the person's own and stays. The
     * caller first removes what refers to it (the onboarding's link, its access request); one with record access is
     * not to be deleted.
     */
    public void deleteNotActive(UUID id) {
        jdbc.sql("delete from account where id = ? and status <> 'ACTIVE'").param(id).update();
    }

    /** A new account, not yet usable: activation (step 15) makes it so. */
    void insertPending(UUID id, UUID onboardingId, String email, String givenName, String surname, String passwordHash,
            Instant createdAt) {
        jdbc.sql("insert into account (id, email, given_name, surname, password_hash, status, onboarding_id, "
                        + "created_at) values (?, ?, ?, ?, ?, 'PENDING', ?, ?)")
                .params(id, email, givenName, surname, passwordHash, onboardingId, Timestamp.from(createdAt))
                .update();
    }

    /** Makes the account usable, with the phone given (null keeps its own); a second activation keeps the first's time. */
    void activate(UUID id, String phoneE164, Instant at) {
        if (phoneE164 != null) {
            jdbc.sql("update account set phone_e164 = ? where id = ?").params(phoneE164, id).update();
        }
        jdbc.sql("update account set status = 'ACTIVE', activated_at = ? where id = ? and status <> 'ACTIVE'")
                .params(Timestamp.from(at), id).update();
    }

    void changePassword(UUID id, String passwordHash, Instant at) {
        jdbc.sql("update account set password_hash = ?, credentials_changed_at = ? where id = ?")
                .params(passwordHash, Timestamp.from(at), id).update();
    }

    /** False when the account had no phone. */
    boolean removePhone(UUID id) {
        return jdbc.sql("update account set phone_e164 = null where id = ? and phone_e164 is not null")
                .param(id).update() == 1;
    }

    /** Only an account without a phone takes one; false otherwise. */
    boolean registerPhone(UUID id, String e164) {
        return jdbc.sql("update account set phone_e164 = ? where id = ? and phone_e164 is null")
                .params(e164, id).update() == 1;
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
