package org.csonline.onboarding.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.account.AccountService;
import org.csonline.onboarding.onboarding.Onboarding;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.onboarding.OnboardingStatus;
import org.csonline.onboarding.signup.PhoneRounds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordConfirmationTest {

    final OnboardingRepository onboardings = mock(OnboardingRepository.class);
    final AccountService accounts = mock(AccountService.class);
    final PhoneRounds phoneRounds = mock(PhoneRounds.class);
    final RecordConfirmation confirmation = new RecordConfirmation(onboardings, accounts, phoneRounds);

    final UUID onboarding = UUID.randomUUID();
    final UUID linkedAccount = UUID.randomUUID();
    final UUID newAccount = UUID.randomUUID();

    @BeforeEach
    void anOnboardingLinkedToAnExistingAccount() {
        when(onboardings.get(onboarding)).thenReturn(new Onboarding(onboarding, "sam@example.org", "R1", "Sam",
                "caseworker", OnboardingStatus.IN_PROGRESS, null, linkedAccount, Instant.EPOCH));
        when(accounts.accountForOnboarding(onboarding)).thenReturn(Optional.of(newAccount));
    }

    @Test
    void aNewApplicantIsReadyAfterBothPhoneRounds() {
        when(phoneRounds.isComplete(onboarding)).thenReturn(false);
        assertThat(confirmation.ready(onboarding, Optional.empty())).isFalse();
        assertThat(confirmation.accountToSubmit(onboarding, Optional.empty())).isEmpty();
        when(phoneRounds.isComplete(onboarding)).thenReturn(true);
        assertThat(confirmation.ready(onboarding, Optional.empty())).isTrue();
        assertThat(confirmation.accountToSubmit(onboarding, Optional.empty())).contains(newAccount);
    }

    @Test
    void anExistingApplicantIsReadyOnceSignedInToTheInvitedAccountOnly() {
        assertThat(confirmation.ready(onboarding, Optional.of(linkedAccount))).isTrue();
        assertThat(confirmation.accountToSubmit(onboarding, Optional.of(linkedAccount))).contains(linkedAccount);
        assertThat(confirmation.ready(onboarding, Optional.of(UUID.randomUUID()))).isFalse();
    }
}
