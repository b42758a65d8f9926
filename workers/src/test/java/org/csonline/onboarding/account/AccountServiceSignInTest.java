package org.csonline.onboarding.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.process.OnboardingProcess;
import org.csonline.onboarding.support.MutableClock;
import org.csonline.onboarding.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.csonline.onboarding.testdb.DatabaseTest;

/** No user enumeration: an unknown email costs the same work (one hash check) as a wrong password. */
@DatabaseTest
class AccountServiceSignInTest {

    final JdbcClient jdbc = TestDatabase.create();
    final CountingEncoder encoder = new CountingEncoder();
    final MutableClock clock = MutableClock.atStart();
    final AccountService service = new AccountService(new AccountRepository(jdbc), null,
            new OnboardingRepository(jdbc, clock), null, mock(OnboardingProcess.class), encoder, clock);

    @Test
    void unknownEmailAndWrongPasswordDoTheSameHashWork() {
        insertAccount("sam@example.org", "right one");

        encoder.checked.clear();
        assertThat(service.checkPassword("sam@example.org", "wrong")).isEmpty();
        List<String> forWrongPassword = List.copyOf(encoder.checked);

        encoder.checked.clear();
        assertThat(service.checkPassword("nobody@example.org", "wrong")).isEmpty();
        List<String> forUnknownEmail = List.copyOf(encoder.checked);

        assertThat(forWrongPassword).hasSize(1);
        assertThat(forUnknownEmail).hasSize(1);
    }

    @Test
    void findsTheAccountWhateverTheCaseAndSpacesOfTheEmail() {
        insertAccount("sam@example.org", "right one");
        assertThat(service.checkPassword(" Sam@Example.org ", "right one")).isPresent();
    }

    private void insertAccount(String email, String password) {
        jdbc.sql("insert into account (id, email, given_name, surname, password_hash, status, created_at) "
                        + "values (?, ?, 'Sam', 'Parent', ?, 'ACTIVE', ?)")
                .params(UUID.randomUUID(), email, encoder.encode(password), Timestamp.from(Instant.now()))
                .update();
    }

    /** Stands in for Argon2 (slow on purpose) and counts the hashes checked. */
    static final class CountingEncoder implements PasswordEncoder {

        final List<String> checked = new ArrayList<>();

        @Override
        public String encode(CharSequence raw) {
            return "hash:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checked.add(encoded);
            return encoded.equals("hash:" + raw);
        }
    }
}
