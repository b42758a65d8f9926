package org.csonline.onboarding.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.csonline.onboarding.access.AccessReviewService;
import org.csonline.onboarding.access.RecordAccessService;
import org.csonline.onboarding.account.AccountRepository;
import org.csonline.onboarding.audit.AuditLog;
import org.csonline.onboarding.invitation.InvitationService;
import org.csonline.onboarding.invitation.SetupCodeService;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.onboarding.OnboardingService;
import org.csonline.onboarding.outbox.LocalOutbox;
import org.csonline.onboarding.signup.PhoneRounds;
import org.csonline.onboarding.signup.EmailCodeService;
import org.csonline.onboarding.signup.SignupRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps personal data no longer than needed: an onboarding that ended without an account (cancelled, expired,
 * declined) loses its applicant's email, the record's name and reference, what they typed while signing up, their
 * codes and phone numbers, and the free-text notes, once {@code cso.retention.ended-onboarding} has passed since it
 * ended. What remains (status, reason code, caseworker, dates, the journey timeline) has no personal data, so the
 * figures managers see stay the same. The audit log has its own period. Each table's owner erases its own rows; this
 * job decides what goes, and calls them for one onboarding in one transaction. With several instances, one runs the
 * job at a time: it takes a lease in {@code job_lease} first.
 */
@Component
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final JdbcClient jdbc;
    private final RetentionProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final OnboardingRepository onboardings;
    private final OnboardingService onboardingService;
    private final AccountRepository accounts;
    private final RecordAccessService recordAccess;
    private final AccessReviewService accessReviews;
    private final SignupRepository signups;
    private final EmailCodeService emailCodes;
    private final PhoneRounds phoneRounds;
    private final SetupCodeService setupCodes;
    private final InvitationService invitations;
    private final LocalOutbox localOutbox;
    private final AuditLog auditLog;
    private final String owner = "instance-" + UUID.randomUUID();

    public RetentionJob(JdbcClient jdbc, RetentionProperties properties, TransactionTemplate transaction, Clock clock,
            OnboardingRepository onboardings, OnboardingService onboardingService, AccountRepository accounts,
            RecordAccessService recordAccess, AccessReviewService accessReviews, SignupRepository signups,
            EmailCodeService emailCodes, PhoneRounds phoneRounds, SetupCodeService setupCodes,
            InvitationService invitations, LocalOutbox localOutbox, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
        this.onboardings = onboardings;
        this.onboardingService = onboardingService;
        this.accounts = accounts;
        this.recordAccess = recordAccess;
        this.accessReviews = accessReviews;
        this.signups = signups;
        this.emailCodes = emailCodes;
        this.phoneRounds = phoneRounds;
        this.setupCodes = setupCodes;
        this.invitations = invitations;
        this.localOutbox = localOutbox;
        this.auditLog = auditLog;
    }

    @Scheduled(fixedDelayString = "${cso.retention.interval:PT1H}", initialDelayString = "PT1M")
    public void scheduled() {
        run();
    }

    /** One run, if this instance gets the lease; returns what it erased, or null when another instance runs it. */
    public Result run() {
        Instant now = clock.instant();
        if (!takeLease(now)) {
            return null;
        }
        List<UUID> ended = onboardings.endedNotErasedBefore(now.minus(properties.endedOnboarding()));
        for (UUID id : ended) {
            transaction.executeWithoutResult(status -> erase(id, now));
        }
        int audit = auditLog.deleteBefore(now.minus(properties.auditLog()));
        if (!ended.isEmpty() || audit > 0) {
            log.info("Retention: erased the personal data of {} ended onboardings and {} audit entries",
                    ended.size(), audit);
        }
        return new Result(ended.size(), audit);
    }

    /** Taking the lease is a compare-and-set: only one instance's update matches while the lease runs. */
    private boolean takeLease(Instant now) {
        return jdbc.sql("update job_lease set owner = ?, lease_until = ? where name = 'retention' "
                        + "and (lease_until < ? or owner = ?)")
                .params(owner, Timestamp.from(now.plus(properties.lease())), Timestamp.from(now), owner)
                .update() == 1;
    }

    /** In the order the foreign keys need: what refers to an account goes before the account. */
    private void erase(UUID id, Instant now) {
        String email = onboardings.get(id).applicantEmail();
        // An account the applicant created but that never became active (the request declined) goes too, unless it
        // was given record access; an active account is the person's own and stays.
        List<UUID> notActive = accounts.notActiveOf(id);
        List<UUID> toDelete = notActive.stream().filter(account -> recordAccess.recordsFor(account).isEmpty())
                .toList();
        for (UUID account : notActive) {
            onboardingService.unlinkAccount(id, account);
        }
        accessReviews.eraseFor(id, notActive);
        for (UUID account : toDelete) {
            accounts.deleteNotActive(account);
        }
        signups.deleteFor(id);
        emailCodes.deleteFor(id);
        phoneRounds.deleteFor(id);
        setupCodes.deleteFor(id);
        invitations.deleteFor(id);
        localOutbox.deleteTo(email);
        onboardings.erasePersonalData(id, now);
    }

    /** What one run erased. */
    public record Result(int onboardings, int auditEntries) {
    }
}
