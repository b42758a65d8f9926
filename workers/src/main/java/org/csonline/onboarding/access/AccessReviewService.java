package org.csonline.onboarding.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.time.Duration;
import java.util.HashMap;
import org.csonline.onboarding.account.Account;
import org.csonline.onboarding.account.AccountRepository;
import org.csonline.onboarding.calendar.WorkingDays;
import org.csonline.onboarding.onboarding.Onboarding;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.onboarding.OnboardingService;
import org.csonline.onboarding.onboarding.OnboardingStatus;
import org.csonline.onboarding.process.OnboardingProcess;
import org.csonline.onboarding.process.ProcessMessage;
import org.csonline.onboarding.process.ProcessProperties;
import org.csonline.onboarding.process.ProcessVariables;
import org.csonline.onboarding.support.UserInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Guide steps 13-15: the applicant asks for the record, a reviewer decides. The only writer of {@code access_request}. */
@Service
public class AccessReviewService {

    static final int MAX_DECLINE_REASON = 500;

    private final JdbcClient jdbc;
    private final OnboardingRepository onboardings;
    private final OnboardingService onboardingService;
    private final AccountRepository accounts;
    private final OnboardingProcess process;
    private final ProcessProperties timing;
    private final WorkingDays workingDays;
    private final Clock clock;

    public AccessReviewService(JdbcClient jdbc, OnboardingRepository onboardings, OnboardingService onboardingService,
            AccountRepository accounts, OnboardingProcess process, ProcessProperties timing, WorkingDays workingDays,
            Clock clock) {
        this.jdbc = jdbc;
        this.onboardings = onboardings;
        this.onboardingService = onboardingService;
        this.accounts = accounts;
        this.process = process;
        this.timing = timing;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /** Step 14: "Submit". Submitting twice is one request. */
    @Transactional
    public void submit(UUID onboardingId, UUID accountId) {
        if (!belongsTo(onboardingId, accountId)) {
            throw new IllegalStateException("Account " + accountId + " is not the invited account of " + onboardingId);
        }
        Instant now = clock.instant();
        int inserted = jdbc.sql("insert into access_request (onboarding_id, account_id, submitted_at) "
                        + "select ?, ?, ? where not exists (select 1 from access_request where onboarding_id = ?)")
                .params(onboardingId, accountId, Timestamp.from(now), onboardingId).update();
        if (inserted == 1) {
            onboardingService.linkAccount(onboardingId, accountId);
        }
        process.publish(ProcessMessage.RECORD_CONFIRMATION_SUBMITTED, onboardingId, "1", reviewDates(now));
    }

    /** The review's due and follow-up dates for a request submitted at {@code submittedAt}, as process variables. */
    public Map<String, Object> reviewDates(Instant submittedAt) {
        // Due in working days; follow up on the next working day, or at the due time if that comes first.
        Instant due = workingDays.plus(submittedAt, timing.accessReviewPeriod());
        Instant followUp = workingDays.plus(submittedAt, Duration.ofDays(1));
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.ACCESS_REVIEW_DUE, due.toString());
        variables.put(ProcessVariables.ACCESS_REVIEW_FOLLOW_UP,
                (followUp.isBefore(due) ? followUp : due).toString());
        return variables;
    }

    /** The account the applicant created in this onboarding, or the existing one it linked at sign-in. */
    private boolean belongsTo(UUID onboardingId, UUID accountId) {
        Optional<Onboarding> onboarding = onboardings.find(onboardingId);
        Optional<Account> account = accounts.find(accountId);
        if (onboarding.isEmpty() || account.isEmpty()
                || !account.get().email().equals(onboarding.get().applicantEmail())) {
            return false;
        }
        return accountId.equals(onboarding.get().accountId())
                || accounts.idForOnboarding(onboardingId).filter(accountId::equals).isPresent();
    }

    public boolean isSubmitted(UUID onboardingId) {
        return jdbc.sql("select count(*) from access_request where onboarding_id = ?").param(onboardingId)
                .query(Integer.class).single() > 0;
    }

    /** Undecided requests of onboardings still going on, oldest first. */
    public List<PendingReview> pending() {
        return jdbc.sql("select onboarding_id, submitted_at from access_request where decision is null "
                        + "order by submitted_at")
                .query((rs, n) -> new Submitted(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()))
                .list().stream()
                .flatMap(request -> onboardings.find(request.onboardingId())
                        .filter(o -> o.status() == OnboardingStatus.IN_PROGRESS)
                        .map(o -> new PendingReview(o.id(), o.recordReference(), o.recordName(), o.applicantEmail(),
                                request.submittedAt()))
                        .stream())
                .toList();
    }

    private record Submitted(UUID onboardingId, Instant submittedAt) {
    }

    public Optional<PendingReview> findPending(UUID onboardingId) {
        return pending().stream().filter(p -> p.onboardingId().equals(onboardingId)).findFirst();
    }

    /** Step 15: "Approve" or "Decline"; the first decision counts. */
    @Transactional
    public boolean decide(UUID onboardingId, boolean approved, String reviewer) {
        return decide(onboardingId, approved, reviewer, null);
    }

    /**
     * Step 15, "Decline", with the reviewer's reason for the caseworker; it stays in the database, never in the
     * process. The first decision counts: false when the request was already decided.
     */
    @Transactional
    public boolean decline(UUID onboardingId, String reviewer, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new UserInputException("declineReason", "review.decline.reasonRequired");
        }
        if (why.length() > MAX_DECLINE_REASON) {
            throw new UserInputException("declineReason", "review.decline.reasonTooLong", MAX_DECLINE_REASON);
        }
        return decide(onboardingId, false, reviewer, why);
    }

    private boolean decide(UUID onboardingId, boolean approved, String reviewer, String declineReason) {
        int updated = jdbc.sql("update access_request set decision = ?, decided_by = ?, decided_at = ?, "
                        + "decline_reason = ? where onboarding_id = ? and decision is null")
                .params(AccessDecision.of(approved).name(), reviewer, Timestamp.from(clock.instant()), declineReason,
                        onboardingId)
                .update();
        if (updated == 0) {
            return false;
        }
        if (!approved) {
            onboardingService.decline(onboardingId);
        }
        process.publish(ProcessMessage.ACCESS_REVIEW_DECIDED, onboardingId, "1",
                Map.of(ProcessVariables.ACCESS_APPROVED, approved));
        return true;
    }

    /** The decision on an onboarding's access request, once there is one. */
    public Optional<ReviewDecision> decision(UUID onboardingId) {
        return jdbc.sql("select decision, decided_by, decided_at, decline_reason from access_request "
                        + "where onboarding_id = ? and decision is not null")
                .param(onboardingId)
                .query((rs, n) -> new ReviewDecision(AccessDecision.valueOf(rs.getString(1)) == AccessDecision.APPROVED,
                        rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .optional();
    }

    /**
     * Retention: forgets the reviewer's reason for declining this onboarding's request, and deletes the requests of
     * the given accounts (the onboarding's accounts that never became active, about to be deleted).
     */
    public void eraseFor(UUID onboardingId, List<UUID> notActiveAccounts) {
        jdbc.sql("update access_request set decline_reason = null where onboarding_id = ?").param(onboardingId)
                .update();
        for (UUID account : notActiveAccounts) {
            jdbc.sql("delete from access_request where onboarding_id = ? and account_id = ?")
                    .params(onboardingId, account).update();
        }
    }

    /** Who decided an access request, when, and (for a decline) why. */
    public record ReviewDecision(boolean approved, String decidedBy, Instant decidedAt, String declineReason) {
    }
}
