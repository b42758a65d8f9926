package org.csonline.onboarding.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.csonline.onboarding.email.EmailKind;
import org.csonline.onboarding.email.EmailService;
import org.csonline.onboarding.invitation.InvitationService.LinkState;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.progress.ProgressLinks;
import org.csonline.onboarding.support.MutableClock;
import org.csonline.onboarding.support.Onboardings;
import org.csonline.onboarding.support.Secrets;
import org.csonline.onboarding.support.Upserts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** What an invitation link says when it is opened at each later stage of its onboarding. */
@JdbcTest
@Import({InvitationService.class, Upserts.class, Secrets.class, OnboardingRepository.class, ProgressLinks.class})
class InvitationLinkStateTest {

    @Autowired
    InvitationService invitations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @MockitoBean
    EmailService email;

    UUID onboarding;
    String token;

    @BeforeEach
    void sendTheInvitation() {
        onboarding = Onboardings.anOnboarding(jdbc, "sam@example.org");
        token = invite(onboarding);
    }

    @SuppressWarnings("unchecked")
    private String invite(UUID id) {
        AtomicReference<String> link = new AtomicReference<>();
        when(email.sendOnce(eq(id), anyString(), anyString(), eq(EmailKind.INVITATION), any(Supplier.class)))
                .thenAnswer(call -> {
                    link.set((String) ((Supplier<Map<String, Object>>) call.getArgument(4)).get().get("link"));
                    return true;
                });
        invitations.createAndSend(id);
        return link.get().substring(link.get().lastIndexOf('/') + 1);
    }

    @Test
    void unusedLinkIsValidAndOpeningItUsesIt() {
        assertThat(invitations.inspect(token)).isEqualTo(LinkState.VALID);
        assertThat(invitations.open(token)).contains(onboarding);
        assertThat(invitations.inspect(token)).isEqualTo(LinkState.USED);
        assertThat(invitations.open(token)).isEmpty();
    }

    @Test
    void usedLinkSaysUsedOnceTheRequestIsSubmitted() {
        invitations.open(token);
        jdbc.sql("insert into access_request (onboarding_id, account_id, submitted_at) values (?, ?, current_timestamp)")
                .params(onboarding, UUID.randomUUID()).update();
        assertThat(invitations.inspect(token)).isEqualTo(LinkState.USED);
    }

    @Test
    void usedLinkSaysUsedOnceTheAccountIsActive() {
        invitations.open(token);
        endAs(onboarding, "COMPLETED", null);
        assertThat(invitations.inspect(token)).isEqualTo(LinkState.USED);
    }

    @Test
    void usedLinkSaysUsedWhenTheRequestWasDeclined() {
        invitations.open(token);
        endAs(onboarding, "DECLINED", null);
        assertThat(invitations.inspect(token)).isEqualTo(LinkState.USED);
    }

    @Test
    void usedLinkSaysUsedWhileAnotherOnboardingOfTheSameApplicantGoesOn() {
        invitations.open(token);
        endAs(onboarding, "COMPLETED", null);
        UUID second = Onboardings.anOnboarding(jdbc, "sam@example.org");
        String secondToken = invite(second);
        assertThat(invitations.inspect(token)).isEqualTo(LinkState.USED);
        assertThat(invitations.inspect(secondToken)).isEqualTo(LinkState.VALID);
    }

    @Test
    void cancelledOnboardingSaysCancelledWhetherOrNotTheLinkWasUsed() {
        endAs(onboarding, "CANCELLED", "CANCELLED_BY_CASEWORKER");
        assertThat(invitations.inspect(token)).isEqualTo(LinkState.CANCELLED);

        UUID abandoned = Onboardings.anOnboarding(jdbc, "sam@example.org");
        String used = invite(abandoned);
        invitations.open(used);
        endAs(abandoned, "CANCELLED", "SIGN_UP_ABANDONED");
        assertThat(invitations.inspect(used)).isEqualTo(LinkState.CANCELLED);
    }

    @Test
    void linkPastItsTimeSaysExpiredBeforeAndAfterTheProcessEndsTheOnboarding() {
        // The clock is shared with the context's other tests: age the link instead of moving time.
        jdbc.sql("update invitation set expires_at = ? where onboarding_id = ?")
                .params(java.sql.Timestamp.from(clock.instant().minus(Duration.ofMinutes(1))), onboarding).update();
        assertThat(invitations.inspect(token)).isEqualTo(LinkState.EXPIRED);
        endAs(onboarding, "CANCELLED", "INVITATION_EXPIRED");
        assertThat(invitations.inspect(token)).isEqualTo(LinkState.EXPIRED);
        assertThat(invitations.open(token)).isEmpty();
    }

    @Test
    void unknownTokenIsUnknown() {
        assertThat(invitations.inspect("not-a-token")).isEqualTo(LinkState.UNKNOWN);
    }

    /** How the onboarding ended, as its owner records it (the owner's setter is its feature's own). */
    private void endAs(UUID id, String status, String reason) {
        jdbc.sql("update onboarding set status = ?, cancellation_reason = ? where id = ?").params(status, reason, id)
                .update();
    }
}
