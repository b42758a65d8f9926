package org.csonline.onboarding.invitation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.email.EmailKind;
import org.csonline.onboarding.email.EmailService;
import org.csonline.onboarding.onboarding.Onboarding;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.onboarding.OnboardingService;
import org.csonline.onboarding.process.OnboardingProcess;
import org.csonline.onboarding.process.ProcessMessage;
import org.csonline.onboarding.process.ProcessVariables;
import org.csonline.onboarding.progress.ProgressLinks;
import org.csonline.onboarding.support.Secrets;
import org.csonline.onboarding.support.SecurityProperties;
import org.csonline.onboarding.support.Upserts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Guide steps 1-2: the code the applicant reads out to their caseworker. */
@Service
public class SetupCodeService {

    private final JdbcClient jdbc;
    private final Upserts upserts;
    private final Secrets secrets;
    private final SecurityProperties limits;
    private final OnboardingRepository onboardings;
    private final EmailService email;
    private final OnboardingProcess process;
    private final Clock clock;
    private final ProgressLinks progressLinks;
    private final OnboardingService onboardingService;

    public SetupCodeService(JdbcClient jdbc, Upserts upserts, Secrets secrets, SecurityProperties limits,
            OnboardingRepository onboardings, EmailService email, OnboardingProcess process, Clock clock,
            ProgressLinks progressLinks, OnboardingService onboardingService) {
        this.jdbc = jdbc;
        this.upserts = upserts;
        this.secrets = secrets;
        this.limits = limits;
        this.onboardings = onboardings;
        this.email = email;
        this.process = process;
        this.clock = clock;
        this.progressLinks = progressLinks;
        this.onboardingService = onboardingService;
    }

    /** Makes the setup code and emails it, once per onboarding whatever the job retries. */
    public void createAndSend(UUID onboardingId) {
        Onboarding onboarding = onboardings.get(onboardingId);
        email.sendOnce(onboardingId, "setup-email:" + onboardingId, onboarding.applicantEmail(), EmailKind.SETUP,
                () -> Map.of("setupCode", storeNewCode(onboardingId), "progressLink", progressLinks.linkFor(onboardingId)));
    }

    private String storeNewCode(UUID onboardingId) {
        String code = secrets.readableCode(limits.setupCodeLength());
        String hash = secrets.hash(code);
        Timestamp now = Timestamp.from(clock.instant());
        // A new code for a send that is tried again (the earlier one never reached the applicant).
        upserts.updateOrInsert(
                () -> jdbc.sql("update setup_code set code_hash = ?, wrong_attempts = 0, created_at = ? "
                                + "where onboarding_id = ?")
                        .params(hash, now, onboardingId).update(),
                () -> jdbc.sql("insert into setup_code (onboarding_id, code_hash, wrong_attempts, created_at) "
                                + "values (?, ?, 0, ?)")
                        .params(onboardingId, hash, now).update());
        return formatForReading(code);
    }

    /** Groups of four read more easily over the phone: ABCD-EFGH. */
    static String formatForReading(String code) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < code.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(code.charAt(i));
        }
        return out.toString();
    }

    /** Checks a typed code; wrong ones count, and the last allowed wrong one locks the code for good. */
    @Transactional
    public SetupCodeCheck check(UUID onboardingId, String typed) {
        Optional<StoredSetupCode> stored = jdbc.sql("select code_hash, wrong_attempts, confirmed_at, locked_at "
                        + "from setup_code where onboarding_id = ? for update")
                .param(onboardingId)
                .query((rs, n) -> new StoredSetupCode(rs.getString(1), rs.getInt(2),
                        rs.getTimestamp(3) != null, rs.getTimestamp(4) != null))
                .optional();
        if (stored.isEmpty()) {
            return new SetupCodeCheck(SetupCodeOutcome.NOT_READY, limits.setupCodeMaxWrong());
        }
        StoredSetupCode code = stored.get();
        if (code.locked()) {
            return new SetupCodeCheck(SetupCodeOutcome.LOCKED, 0);
        }
        if (code.confirmed()) {
            return new SetupCodeCheck(SetupCodeOutcome.CONFIRMED, 0);
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (secrets.matches(Secrets.normaliseCode(typed), code.hash())) {
            jdbc.sql("update setup_code set confirmed_at = ? where onboarding_id = ?").params(now, onboardingId).update();
            return new SetupCodeCheck(SetupCodeOutcome.CONFIRMED, 0);
        }
        int wrong = code.wrongAttempts() + 1;
        boolean lock = wrong >= limits.setupCodeMaxWrong();
        jdbc.sql("update setup_code set wrong_attempts = ?, locked_at = ? where onboarding_id = ?")
                .params(wrong, lock ? now : null, onboardingId).update();
        return lock ? new SetupCodeCheck(SetupCodeOutcome.LOCKED, 0)
                : new SetupCodeCheck(SetupCodeOutcome.WRONG, limits.setupCodeMaxWrong() - wrong);
    }

    /**
     * The caseworker page's route (bpmn/README.md, user tasks): check at once so the caseworker sees the result, and tell
     * the process when the question is settled: confirmed, or locked after too many wrong codes. A locked code ends
     * the onboarding here too, so the caseworker's page says so at once.
     */
    @Transactional
    public SetupCodeCheck confirmFromCaseworkerPage(UUID onboardingId, String typed) {
        SetupCodeCheck check = check(onboardingId, typed);
        if (check.outcome() == SetupCodeOutcome.CONFIRMED || check.outcome() == SetupCodeOutcome.LOCKED) {
            process.publish(ProcessMessage.SETUP_CODE_CHECKED, onboardingId, check.outcome().name(),
                    Map.of(ProcessVariables.SETUP_CODE_OUTCOME, check.outcome().name()));
        }
        if (check.outcome() == SetupCodeOutcome.LOCKED) {
            onboardingService.setupCodeLocked(onboardingId);
        }
        return check;
    }

    /** Where the confirmation stands, without checking anything: confirmed, locked, or not (yet) confirmed. */
    public SetupCodeOutcome status(UUID onboardingId) {
        return jdbc.sql("select confirmed_at, locked_at from setup_code where onboarding_id = ?")
                .param(onboardingId)
                .query((rs, n) -> rs.getTimestamp(2) != null ? SetupCodeOutcome.LOCKED
                        : rs.getTimestamp(1) != null ? SetupCodeOutcome.CONFIRMED : SetupCodeOutcome.NOT_CONFIRMED)
                .optional().orElse(SetupCodeOutcome.NOT_CONFIRMED);
    }

    /**
     * Whether the caseworker may still confirm the code: neither confirmed nor locked. True from the moment the
     * onboarding exists, before the setup email has gone, so the caseworker's page offers the field straight after
     * "Send setup email" (a code typed that early gets "not sent yet"; the applicant cannot have one).
     */
    public boolean isAwaitingConfirmation(UUID onboardingId) {
        return jdbc.sql("select count(*) from setup_code where onboarding_id = ? and (confirmed_at is not null "
                        + "or locked_at is not null)")
                .param(onboardingId).query(Integer.class).single() == 0;
    }

    /** Cancelling an onboarding makes its setup code useless. */
    public void invalidate(UUID onboardingId) {
        jdbc.sql("update setup_code set locked_at = coalesce(locked_at, ?) where onboarding_id = ?")
                .params(Timestamp.from(clock.instant()), onboardingId).update();
    }

    /** Retention: deletes the onboarding's setup code (its hash). */
    public void deleteFor(UUID onboardingId) {
        jdbc.sql("delete from setup_code where onboarding_id = ?").param(onboardingId).update();
    }

    private record StoredSetupCode(String hash, int wrongAttempts, boolean confirmed, boolean locked) {
    }
}
