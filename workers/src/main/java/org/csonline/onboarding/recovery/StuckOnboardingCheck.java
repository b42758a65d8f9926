package org.csonline.onboarding.recovery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.csonline.onboarding.access.AccessDecision;
import org.csonline.onboarding.access.AccessReviewService;
import org.csonline.onboarding.onboarding.OnboardingService;
import org.csonline.onboarding.process.OnboardingProcess;
import org.csonline.onboarding.process.ProcessMessage;
import org.csonline.onboarding.process.ProcessVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nothing stuck unseen: compares what the database says an onboarding has done with where its journey timeline says
 * the process is. A disagreement with no process command still waiting and no timeline event for
 * {@code cso.stuck-check.after} is a step the process never heard of (a command lost before the outbox existed, a
 * message that expired, an engine that lost its data). Managers see these on the staff home; each is sent again
 * with the message id it was first sent with, so a repeat is harmless (and a start, by ADR 004's instance check).
 * Safe with several instances: each may send the same repeat, which the engine takes once.
 */
@Component
public class StuckOnboardingCheck {

    private static final Logger log = LoggerFactory.getLogger(StuckOnboardingCheck.class);

    /** What the database says happened that the process has not heard. */
    public enum Missing {
        START, SETUP_CODE_CHECKED, EMAIL_VERIFIED, ACCOUNT_DETAILS_SUBMITTED, PHONE_CODE_VERIFIED,
        RECORD_CONFIRMATION_SUBMITTED, ACCESS_REVIEW_DECIDED
    }

    /** One stuck onboarding: what is missing and since when nothing has happened. */
    public record StuckOnboarding(UUID onboardingId, String recordName, Missing missing, int round, Instant quietSince) {
    }

    private final JdbcClient jdbc;
    private final OnboardingProcess process;
    private final OnboardingService onboardings;
    private final AccessReviewService reviews;
    private final StuckCheckProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public StuckOnboardingCheck(JdbcClient jdbc, OnboardingProcess process, OnboardingService onboardings,
            AccessReviewService reviews, StuckCheckProperties properties, TransactionTemplate transaction,
            Clock clock) {
        this.jdbc = jdbc;
        this.process = process;
        this.onboardings = onboardings;
        this.reviews = reviews;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Every onboarding in progress whose database and timeline disagree for longer than the configured time. */
    public List<StuckOnboarding> find() {
        Instant cutoff = clock.instant().minus(properties.after());
        List<StuckOnboarding> stuck = new ArrayList<>();
        stuck.addAll(query(Missing.START, "o.process_instance_key is null and not exists (select 1 from timeline_event "
                + "t where t.onboarding_id = o.id)", cutoff));
        stuck.addAll(query(Missing.SETUP_CODE_CHECKED, "exists (select 1 from setup_code c where c.onboarding_id = o.id "
                + "and c.confirmed_at is not null)" + notHeard("Boundary_SetupCodeChecked")
                + notHeard("Task_CheckSetupCode"), cutoff));
        stuck.addAll(query(Missing.EMAIL_VERIFIED, "exists (select 1 from signup s where s.onboarding_id = o.id "
                + "and s.email_verified_at is not null)" + notHeard("Event_EmailVerified"), cutoff));
        stuck.addAll(query(Missing.ACCOUNT_DETAILS_SUBMITTED, "exists (select 1 from signup s where s.onboarding_id = "
                + "o.id and s.password_hash is not null)" + notHeard("Event_AccountDetailsSubmitted"), cutoff));
        stuck.addAll(query(Missing.RECORD_CONFIRMATION_SUBMITTED, "exists (select 1 from access_request r where "
                + "r.onboarding_id = o.id)" + notHeard("Event_RecordConfirmationSubmitted"), cutoff));
        stuck.addAll(query(Missing.ACCESS_REVIEW_DECIDED, "exists (select 1 from access_request r where "
                + "r.onboarding_id = o.id and r.decision is not null)" + notHeard("Boundary_AccessReviewDecided"),
                cutoff));
        stuck.addAll(phoneRounds(cutoff));
        return stuck;
    }

    /** Every {@code cso.stuck-check.interval}: sends again what the process never heard. */
    @Scheduled(fixedDelayString = "${cso.stuck-check.interval:PT5M}", initialDelayString = "${cso.stuck-check.interval:PT5M}")
    public void sendMissingAgain() {
        for (StuckOnboarding stuck : find()) {
            log.warn("Onboarding {} is stuck: the process has not heard {} (nothing happened since {}); sending it "
                    + "again", stuck.onboardingId(), stuck.missing(), stuck.quietSince());
            transaction.executeWithoutResult(status -> sendAgain(stuck));
        }
    }

    private void sendAgain(StuckOnboarding stuck) {
        UUID id = stuck.onboardingId();
        switch (stuck.missing()) {
            case START -> process.start(id, onboardings.startVariables());
            case SETUP_CODE_CHECKED -> process.publish(ProcessMessage.SETUP_CODE_CHECKED, id, "CONFIRMED",
                    Map.of(ProcessVariables.SETUP_CODE_OUTCOME, "CONFIRMED"));
            case EMAIL_VERIFIED -> process.publish(ProcessMessage.EMAIL_VERIFIED, id, "1", Map.of());
            case ACCOUNT_DETAILS_SUBMITTED -> process.publish(ProcessMessage.ACCOUNT_DETAILS_SUBMITTED, id, "1",
                    Map.of());
            case PHONE_CODE_VERIFIED -> process.publish(ProcessMessage.PHONE_CODE_VERIFIED, id,
                    Integer.toString(stuck.round()), Map.of(ProcessVariables.PHONE_VERIFICATIONS, stuck.round()));
            case RECORD_CONFIRMATION_SUBMITTED -> process.publish(ProcessMessage.RECORD_CONFIRMATION_SUBMITTED, id, "1",
                    reviews.reviewDates(jdbc.sql("select submitted_at from access_request where onboarding_id = ?")
                            .param(id).query(Timestamp.class).single().toInstant()));
            case ACCESS_REVIEW_DECIDED -> process.publish(ProcessMessage.ACCESS_REVIEW_DECIDED, id, "1",
                    Map.of(ProcessVariables.ACCESS_APPROVED, AccessDecision.APPROVED.name().equals(jdbc.sql(
                            "select decision from access_request where onboarding_id = ?").param(id)
                            .query(String.class).single())));
        }
    }

    private static String notHeard(String elementId) {
        return " and not exists (select 1 from timeline_event t where t.onboarding_id = o.id and t.element_id = '"
                + elementId + "' and t.phase = 'ENDED')";
    }

    /**
     * The onboardings matching {@code disagreement} that are quiet: no command waiting (that is the backlog, not a
     * stuck onboarding) and no timeline event since the cutoff.
     */
    private List<StuckOnboarding> query(Missing missing, String disagreement, Instant cutoff) {
        Timestamp at = Timestamp.from(cutoff);
        // A declined request ends the onboarding at once on our side (status DECLINED), so look at those too.
        String declinedToo = missing == Missing.ACCESS_REVIEW_DECIDED ? "o.status in ('IN_PROGRESS', 'DECLINED')"
                : "o.status = 'IN_PROGRESS'";
        return jdbc.sql("select o.id, o.record_name, coalesce((select max(t.occurred_at) from timeline_event t "
                        + "where t.onboarding_id = o.id), o.created_at) as quiet_since from onboarding o where "
                        + declinedToo + " and " + disagreement
                        + " and not exists (select 1 from process_command c where c.onboarding_id = o.id "
                        + "and c.status = 'PENDING') and o.created_at < ? and coalesce((select max(t.occurred_at) "
                        + "from timeline_event t where t.onboarding_id = o.id), o.created_at) < ?")
                .params(at, at)
                .query((rs, n) -> new StuckOnboarding(rs.getObject(1, UUID.class), rs.getString(2), missing, 0,
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** Rounds of the phone code the database counts and the timeline does not. */
    private List<StuckOnboarding> phoneRounds(Instant cutoff) {
        Timestamp at = Timestamp.from(cutoff);
        return jdbc.sql("select o.id, o.record_name, p.rounds_passed, coalesce((select max(t.occurred_at) "
                        + "from timeline_event t where t.onboarding_id = o.id), o.created_at) from onboarding o "
                        + "join signup_phone p on p.onboarding_id = o.id where o.status = 'IN_PROGRESS' "
                        + "and p.rounds_passed > (select count(*) from timeline_event t where t.onboarding_id "
                        + "= o.id and t.element_id = 'Event_PhoneCodeVerified' and t.phase = 'ENDED') "
                        + "and not exists (select 1 from process_command c where c.onboarding_id = o.id "
                        + "and c.status = 'PENDING') and coalesce((select max(t.occurred_at) from timeline_event t "
                        + "where t.onboarding_id = o.id), o.created_at) < ?")
                .param(at)
                .query((rs, n) -> new StuckOnboarding(rs.getObject(1, UUID.class), rs.getString(2),
                        Missing.PHONE_CODE_VERIFIED, rs.getInt(3), rs.getTimestamp(4).toInstant()))
                .list();
    }
}
