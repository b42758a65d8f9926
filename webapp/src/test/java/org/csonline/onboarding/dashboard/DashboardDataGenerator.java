package org.csonline.onboarding.dashboard;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.csonline.onboarding.timeline.FunnelSteps;
import org.csonline.onboarding.timeline.StepsReached;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills the database with onboardings as the service would have left them: spread over two years, each walked
 * through the model's elements with realistic waits, and ended the ways real ones end (expired, abandoned, declined,
 * cancelled) in realistic shares. The timeline rows are what the execution listeners record (a start and an end
 * per element, one row for end events). Seeded, so two runs produce the same data.
 */
final class DashboardDataGenerator {

    private static final int BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final Random random = new Random(11);
    private final List<Object[]> onboardings = new ArrayList<>();
    private final List<Object[]> events = new ArrayList<>();
    private final List<Object[]> setupCodes = new ArrayList<>();
    private final List<Object[]> invitations = new ArrayList<>();
    private final List<Object[]> accessRequests = new ArrayList<>();
    private final List<Object[]> stepsReached = new ArrayList<>();
    private long jobKey;

    DashboardDataGenerator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code count} onboardings started over the two years before {@code now}; returns the timeline rows written. */
    long generate(int count, Instant now) {
        long written = 0;
        for (int i = 0; i < count; i++) {
            Instant start = now.minus(Duration.ofSeconds((long) (random.nextDouble() * 104 * 7 * 86_400)));
            onboarding(UUID.randomUUID(), start, now);
            if (events.size() >= BATCH * 10 || i == count - 1) {
                written += events.size();
                flush();
            }
        }
        return written;
    }

    private void onboarding(UUID id, Instant start, Instant now) {
        Journey j = new Journey(id, start, now);
        String status = walk(j);
        Object[] reached = new Object[FunnelSteps.FINISHED + 2];
        reached[0] = id;
        reached[1] = ts(start);
        for (int step = 1; step <= FunnelSteps.FINISHED; step++) {
            reached[step + 1] = ts(j.reached[step]);
        }
        stepsReached.add(reached);
        Instant updated = j.at.isAfter(now) ? now : j.at;
        onboardings.add(new Object[] {id, "applicant" + id.toString().substring(0, 8) + "@example.org", "CR-" + jobKey,
                "Record " + id.toString().substring(0, 4), "caseworker" + random.nextInt(20), status,
                j.reason, ts(start), ts(updated)});
    }

    /** Walks one onboarding through the model; returns its status. */
    private String walk(Journey j) {
        j.task("Task_SendSetupEmail", seconds(1, 3));
        Instant codeSent = j.at;
        Duration caseworker = hours(1, 120);
        boolean codeExpires = random.nextDouble() < 0.04;
        boolean codeLocked = !codeExpires && random.nextDouble() < 0.01;
        if (!j.waitFor("UserTask_ConfirmSetupCode", codeExpires ? Duration.ofDays(28) : caseworker)) {
            setupCodes.add(new Object[] {j.id, ts(codeSent), null, null});
            return "IN_PROGRESS";
        }
        if (codeExpires || codeLocked) {
            setupCodes.add(new Object[] {j.id, ts(codeSent), null, ts(j.at)});
            return j.end(codeExpires ? "SETUP_CODE_EXPIRED" : "SETUP_CODE_LOCKED");
        }
        setupCodes.add(new Object[] {j.id, ts(codeSent), ts(j.at), null});
        j.single("Boundary_SetupCodeChecked");
        j.task("Task_CheckSetupCode", seconds(1, 2));
        j.task("Task_PlanInvitationRelease", seconds(1, 2));
        if (!j.waitFor("Timer_InvitationRelease", hours(48, 96))) {
            return "IN_PROGRESS";
        }
        j.task("Task_SendInvitationEmail", seconds(1, 3));
        Instant invited = j.at;
        boolean invitationExpires = random.nextDouble() < 0.08;
        Duration applicant = random.nextDouble() < 0.7 ? hours(1, 72) : hours(72, 400);
        boolean opened = !invitationExpires && !invited.plus(applicant).isAfter(j.now);
        invitations.add(new Object[] {j.id, "hash-" + j.id, ts(invited.plus(Duration.ofDays(28))),
                opened ? ts(invited.plus(applicant)) : null, ts(invited)});
        if (invitationExpires) {
            return j.waitFor("Boundary_InvitationExpired", Duration.ofDays(28)) ? j.end("INVITATION_EXPIRED")
                    : "IN_PROGRESS";
        }
        boolean existingAccount = random.nextDouble() < 0.2;
        if (existingAccount) {
            if (!j.waitFor("Event_ExistingAccountSignedIn", applicant)) {
                return "IN_PROGRESS";
            }
        } else {
            if (!j.waitFor("Event_EmailCodeRequested", applicant)) {
                return "IN_PROGRESS";
            }
            j.task("Task_SendEmailCode", seconds(1, 5));
            if (random.nextDouble() < 0.06) {
                j.waitFor("Timer_EmailCodeAbandoned", Duration.ofHours(24));
                return j.end("SIGN_UP_ABANDONED");
            }
            j.waitFor("Event_EmailVerified", minutes(1, 15));
            j.waitFor("Event_AccountDetailsSubmitted", minutes(1, 10));
            j.task("Task_CreateAccount", seconds(1, 3));
            for (int round = 0; round < 2; round++) {
                j.waitFor("Event_PhoneCodeRequested", minutes(1, 5));
                j.task("Task_SendPhoneCode", seconds(1, 5));
                if (round == 1 && random.nextDouble() < 0.03) {
                    j.waitFor("Timer_PhoneCodeAbandoned", Duration.ofHours(24));
                    return j.end("SIGN_UP_ABANDONED");
                }
                j.waitFor("Event_PhoneCodeVerified", minutes(1, 5));
            }
        }
        if (random.nextDouble() < 0.02) {
            return j.end("CANCELLED_BY_CASEWORKER");
        }
        if (!j.waitFor("Event_RecordConfirmationSubmitted", minutes(1, 20))) {
            return "IN_PROGRESS";
        }
        j.single("EndEvent_ApplicantSubmitted");
        Instant submitted = j.at;
        Duration review = hours(2, 150);
        boolean decided = !submitted.plus(review).isAfter(j.now);
        boolean approved = random.nextDouble() < 0.96;
        accessRequests.add(new Object[] {j.id, UUID.randomUUID(), ts(submitted), decided ? (approved ? "APPROVED" : "DECLINED") : null,
                decided ? ts(submitted.plus(review)) : null});
        if (!j.waitFor("UserTask_ReviewAccess", review)) {
            return "IN_PROGRESS";
        }
        j.single("Boundary_AccessReviewDecided");
        if (!approved) {
            j.task("Task_SendAccessDeclinedEmail", seconds(1, 3));
            j.single("EndEvent_AccessDeclined");
            return "DECLINED";
        }
        j.task("Task_GrantRecordAccess", seconds(1, 2));
        j.task("Task_ActivateAccount", seconds(1, 2));
        j.task("Task_SendActivationEmail", seconds(1, 3));
        j.single("EndEvent_AccountActivated");
        return "COMPLETED";
    }

    private final class Journey {
        final UUID id;
        final Instant now;
        final Instant[] reached = new Instant[FunnelSteps.FINISHED + 1];
        Instant at;
        String reason;

        Journey(UUID id, Instant start, Instant now) {
            this.id = id;
            this.at = start;
            this.now = now;
        }

        void task(String element, Duration takes) {
            waitFor(element, takes);
        }

        /** Starts the element, and ends it after {@code takes} unless that is still to come. */
        boolean waitFor(String element, Duration takes) {
            if (at.isAfter(now)) {
                return false;
            }
            event(element, "STARTED");
            Instant end = at.plus(takes);
            if (end.isAfter(now)) {
                at = end;
                return false;
            }
            at = end;
            event(element, "ENDED");
            return true;
        }

        void single(String element) {
            event(element, "STARTED");
        }

        String end(String why) {
            reason = why;
            single("EndEvent_OnboardingCancelled");
            return "CANCELLED";
        }

        /** As the timeline records it, with the first time of each funnel step beside it. */
        private void event(String element, String phase) {
            events.add(new Object[] {id, element, phase, ++jobKey, ts(at)});
            FunnelSteps.of(element).filter(step -> reached[step] == null).ifPresent(step -> reached[step] = at);
        }
    }

    private void flush() {
        batch("insert into onboarding (id, applicant_email, record_reference, record_name, caseworker, status, "
                + "cancellation_reason, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", onboardings);
        batch("insert into timeline_event (onboarding_id, element_id, phase, job_key, occurred_at) "
                + "values (?, ?, ?, ?, ?)", events);
        batch("insert into setup_code (onboarding_id, code_hash, created_at, confirmed_at, locked_at) "
                + "values (?, 'x', ?, ?, ?)", setupCodes);
        batch("insert into invitation (onboarding_id, token_hash, expires_at, opened_at, created_at) "
                + "values (?, ?, ?, ?, ?)", invitations);
        batch("insert into access_request (onboarding_id, account_id, submitted_at, decision, decided_at) "
                + "values (?, ?, ?, ?, ?)", accessRequests);
        batch(IntStream.rangeClosed(1, FunnelSteps.FINISHED).mapToObj(StepsReached::column).collect(Collectors.joining(
                ", ", "insert into steps_reached (onboarding_id, created_at, ", ") values (?, ?, "
                        + "?, ".repeat(FunnelSteps.FINISHED - 1) + "?)")), stepsReached);
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
        rows.clear();
    }

    private Duration seconds(int min, int max) {
        return Duration.ofMillis((long) ((min + random.nextDouble() * (max - min)) * 1000));
    }

    private Duration minutes(int min, int max) {
        return Duration.ofSeconds((long) ((min + random.nextDouble() * (max - min)) * 60));
    }

    /** Skewed towards the short end, as waits on people are. */
    private Duration hours(int min, int max) {
        double r = random.nextDouble();
        return Duration.ofSeconds((long) ((min + r * r * (max - min)) * 3600));
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
