package org.csonline.onboarding.invitation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.email.EmailKind;
import org.csonline.onboarding.email.EmailService;
import org.csonline.onboarding.onboarding.CancellationReason;
import org.csonline.onboarding.onboarding.Onboarding;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.onboarding.OnboardingStatus;
import org.csonline.onboarding.progress.ProgressLinks;
import org.csonline.onboarding.support.CouncilProperties;
import org.csonline.onboarding.support.Secrets;
import org.csonline.onboarding.support.SecurityProperties;
import org.csonline.onboarding.support.Upserts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Guide step 3: the invitation link, a single-use token bound to the invited email address. */
@Service
public class InvitationService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));
    /** Cancellation reasons that are the invitation running out of time. */

    private final JdbcClient jdbc;
    private final Upserts upserts;
    private final Secrets secrets;
    private final SecurityProperties limits;
    private final CouncilProperties council;
    private final OnboardingRepository onboardings;
    private final EmailService email;
    private final Clock clock;
    private final ProgressLinks progressLinks;

    public InvitationService(JdbcClient jdbc, Upserts upserts, Secrets secrets, SecurityProperties limits,
            CouncilProperties council, OnboardingRepository onboardings, EmailService email, Clock clock,
            ProgressLinks progressLinks) {
        this.jdbc = jdbc;
        this.upserts = upserts;
        this.secrets = secrets;
        this.limits = limits;
        this.council = council;
        this.onboardings = onboardings;
        this.email = email;
        this.clock = clock;
        this.progressLinks = progressLinks;
    }

    public void createAndSend(UUID onboardingId) {
        Onboarding onboarding = onboardings.get(onboardingId);
        Instant expires = clock.instant().plus(limits.invitationValidity());
        email.sendOnce(onboardingId, "invitation-email:" + onboardingId, onboarding.applicantEmail(),
                EmailKind.INVITATION, () -> Map.of(
                        "link", council.baseUrl() + "/invitation/" + storeNewToken(onboardingId, expires),
                        "expiresOn", DAY.format(expires),
                        "progressLink", progressLinks.linkFor(onboardingId)));
    }

    /** Guide step 3: one reminder, only while the link is unused and the onboarding goes on. */
    public void sendReminder(UUID onboardingId) {
        Onboarding onboarding = onboardings.get(onboardingId);
        Optional<StoredInvitation> invitation = jdbc.sql("select onboarding_id, expires_at, opened_at, created_at "
                        + "from invitation where onboarding_id = ?")
                .param(onboardingId)
                .query((rs, n) -> new StoredInvitation(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) != null, rs.getTimestamp(4).toInstant()))
                .optional();
        if (invitation.isEmpty() || state(invitation.get()) != LinkState.VALID) {
            return;
        }
        email.sendOnce(onboardingId, "invitation-reminder-email:" + onboardingId, onboarding.applicantEmail(),
                EmailKind.INVITATION_REMINDER, Map.<String, Object>of("sentOn", DAY.format(invitation.get().createdAt()),
                        "expiresOn", DAY.format(invitation.get().expiresAt())));
    }

    private String storeNewToken(UUID onboardingId, Instant expires) {
        String token = secrets.token();
        String hash = secrets.hash(token);
        Timestamp now = Timestamp.from(clock.instant());
        // A new token for a send that is tried again (the earlier one never reached the applicant).
        upserts.updateOrInsert(
                () -> jdbc.sql("update invitation set token_hash = ?, expires_at = ?, created_at = ? "
                                + "where onboarding_id = ?")
                        .params(hash, Timestamp.from(expires), now, onboardingId).update(),
                () -> jdbc.sql("insert into invitation (onboarding_id, token_hash, expires_at, created_at) "
                                + "values (?, ?, ?, ?)")
                        .params(onboardingId, hash, Timestamp.from(expires), now).update());
        return token;
    }

    /** What opening a link found. */
    public enum LinkState { VALID, USED, EXPIRED, UNKNOWN, CANCELLED }

    public LinkState inspect(String token) {
        return find(token).map(this::state).orElse(LinkState.UNKNOWN);
    }

    /** The onboarding a link that can still be used belongs to, without using it. */
    public Optional<UUID> validOnboarding(String token) {
        return find(token).filter(invitation -> state(invitation) == LinkState.VALID)
                .map(StoredInvitation::onboardingId);
    }

    /** Consumes the link (the button on the link page posts here); returns the onboarding it belongs to. */
    @Transactional
    public Optional<UUID> open(String token) {
        Optional<StoredInvitation> invitation = find(token);
        if (invitation.isEmpty() || state(invitation.get()) != LinkState.VALID) {
            return Optional.empty();
        }
        int updated = jdbc.sql("update invitation set opened_at = ? where onboarding_id = ? and opened_at is null")
                .params(Timestamp.from(clock.instant()), invitation.get().onboardingId()).update();
        return updated == 1 ? Optional.of(invitation.get().onboardingId()) : Optional.empty();
    }

    public void invalidate(UUID onboardingId) {
        jdbc.sql("update invitation set expires_at = ? where onboarding_id = ?")
                .params(Timestamp.from(clock.instant()), onboardingId).update();
    }

    /** Retention: deletes the onboarding's invitation (its token hash). */
    public void deleteFor(UUID onboardingId) {
        jdbc.sql("delete from invitation where onboarding_id = ?").param(onboardingId).update();
    }

    /**
     * A link the applicant used stays "used" whatever came after (submitted, active, declined, a later onboarding),
     * so they are sent to sign in rather than told it was cancelled. Only an onboarding that ended early says why:
     * expired (the invitation or the setup code ran out of time) or cancelled.
     */
    private LinkState state(StoredInvitation invitation) {
        Onboarding onboarding = onboardings.get(invitation.onboardingId());
        if (onboarding.status() == OnboardingStatus.CANCELLED || onboarding.status() == OnboardingStatus.NOT_STARTED) {
            return CancellationReason.of(onboarding.cancellationReason()).filter(CancellationReason::expiry).isPresent()
                    ? LinkState.EXPIRED : LinkState.CANCELLED;
        }
        if (invitation.opened()) {
            return LinkState.USED;
        }
        if (onboarding.status() != OnboardingStatus.IN_PROGRESS) {
            return LinkState.CANCELLED;
        }
        return invitation.expiresAt().isAfter(clock.instant()) ? LinkState.VALID : LinkState.EXPIRED;
    }

    private Optional<StoredInvitation> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select onboarding_id, expires_at, opened_at from invitation where token_hash = ?")
                .param(secrets.hash(token))
                .query((rs, n) -> new StoredInvitation(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) != null, null))
                .optional();
    }

    private record StoredInvitation(UUID onboardingId, Instant expiresAt, boolean opened, Instant createdAt) {
    }
}
