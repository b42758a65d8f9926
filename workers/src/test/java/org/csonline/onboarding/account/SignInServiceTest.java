package org.csonline.onboarding.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.support.MutableClock;
import org.csonline.onboarding.support.TestDatabase;
import org.csonline.onboarding.support.TestSecrets;
import org.junit.jupiter.api.Test;
import org.csonline.onboarding.testdb.DatabaseTest;

@DatabaseTest
class SignInServiceTest {

    final AccountService accounts = mock(AccountService.class);
    final TestDatabase.Database database = TestDatabase.open();
    final SignInLockout lockout = new SignInLockout(database.jdbc(), database.upserts(), TestSecrets.secrets(),
            SignInLockoutTest.RULES, MutableClock.atStart());
    final SignInService signIns = new SignInService(accounts, lockout);
    final Account active = new Account(UUID.randomUUID(), "sam@example.org", "Sam", "Parent", "+447700900982",
            AccountStatus.ACTIVE);

    @Test
    void acceptsTheRightPasswordForAnActiveAccount() {
        when(accounts.checkPassword("sam@example.org", "right one")).thenReturn(Optional.of(active));
        assertThat(signIns.checkPassword("sam@example.org", "right one")).isEqualTo(new SignInResult.Accepted(active));
    }

    @Test
    void wrongPasswordAndUnknownEmailGiveTheSameAnswer() {
        when(accounts.checkPassword(any(), any())).thenReturn(Optional.empty());
        SignInResult wrongPassword = signIns.checkPassword("sam@example.org", "wrong");
        SignInResult unknownEmail = signIns.checkPassword("nobody@example.org", "wrong");
        assertThat(wrongPassword).isEqualTo(unknownEmail).isInstanceOf(SignInResult.Rejected.class);
    }

    @Test
    void unknownEmailsAreLockedOutLikeRealOnes() {
        when(accounts.checkPassword(any(), any())).thenReturn(Optional.empty());
        for (int i = 0; i < 6; i++) {
            signIns.checkPassword("nobody@example.org", "guess " + i);
            signIns.checkPassword("sam@example.org", "guess " + i);
        }
        assertThat(signIns.checkPassword("nobody@example.org", "guess")).isInstanceOf(SignInResult.LockedOut.class);
        assertThat(signIns.checkPassword("sam@example.org", "guess")).isInstanceOf(SignInResult.LockedOut.class);
    }

    @Test
    void aLockedAddressIsRefusedWithoutCheckingThePassword() {
        when(accounts.checkPassword(any(), any())).thenReturn(Optional.empty());
        for (int i = 0; i < 6; i++) {
            signIns.checkPassword("sam@example.org", "guess " + i);
        }
        SignInResult result = signIns.checkPassword("sam@example.org", "right one");
        assertThat(result).isInstanceOf(SignInResult.LockedOut.class);
        assertThat(((SignInResult.LockedOut) result).minutes()).isEqualTo(1);
        verify(accounts, never()).checkPassword("sam@example.org", "right one");
    }

    @Test
    void aPendingAccountIsToldItIsNotActiveOnlyAfterTheRightPassword() {
        Account pending = new Account(active.id(), active.email(), "Sam", "Parent", null, AccountStatus.PENDING);
        when(accounts.checkPassword("sam@example.org", "right one")).thenReturn(Optional.of(pending));
        assertThat(signIns.checkPassword("sam@example.org", "right one")).isInstanceOf(SignInResult.NotActive.class);
        assertThat(signIns.checkPassword("sam@example.org", "wrong")).isInstanceOf(SignInResult.Rejected.class);
    }
}
