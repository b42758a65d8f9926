package org.csonline.onboarding.signup;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.delivery.ProviderFailure;
import org.csonline.onboarding.email.EmailCodeResult;
import org.csonline.onboarding.email.EmailKind;
import org.csonline.onboarding.email.EmailService;
import org.csonline.onboarding.process.ProcessProperties;
import org.csonline.onboarding.progress.ProgressLinks;
import org.csonline.onboarding.support.Secrets;
import org.csonline.onboarding.support.SecurityProperties;
import org.csonline.onboarding.support.UserInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Guide steps 6-8: six-digit codes that prove the applicant reads the invited mailbox. A new code does not
 * cancel an unexpired one the applicant may still be typing.
 */
@Service
public class EmailCodeService {

    private final JdbcClient jdbc;
    private final Secrets secrets;
    private final SecurityProperties limits;
    private final EmailService email;
    private final Clock clock;
    private final ProgressLinks progressLinks;
    private final ProcessProperties processTiming;

    public EmailCodeService(JdbcClient jdbc, Secrets secrets, SecurityProperties limits, EmailService email,
            Clock clock, ProgressLinks progressLinks, ProcessProperties processTiming) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.limits = limits;
        this.email = email;
        this.clock = clock;
        this.progressLinks = progressLinks;
        this.processTiming = processTiming;
    }

    /**
     * Records a request for a code; the process sends it. Only codes really sent count towards the hourly limit, and
     * a request still on its way to the same address is answered with itself, so pressing again while the engine or
     * the provider is slow or away sends one code and uses up nothing. Refuses past the hourly limit.
     */
    long request(UUID onboardingId, String address) {
        Instant now = clock.instant();
        Optional<Long> waiting = jdbc.sql("select id from email_code where onboarding_id = ? and email = ? "
                        + "and sent_at is null and requested_at > ? order by id desc limit 1")
                .params(onboardingId, address, Timestamp.from(now.minus(processTiming.messageTtl())))
                .query(Long.class).optional();
        if (waiting.isPresent()) {
            return waiting.get();
        }
        int lastHour = jdbc.sql("select count(*) from email_code where onboarding_id = ? and sent_at > ?")
                .params(onboardingId, Timestamp.from(now.minusSeconds(3600))).query(Integer.class).single();
        if (lastHour >= limits.emailCodeMaxSendsPerHour()) {
            throw new UserInputException("code", "signup.code.tooManySends");
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into email_code (onboarding_id, email, requested_at) values (?, ?, ?)")
                .params(onboardingId, address, Timestamp.from(now))
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    /** Worker side: makes the code and emails it, once per request. */
    public void send(long requestId) {
        CodeRequest request = jdbc.sql("select onboarding_id, email from email_code where id = ?").param(requestId)
                .query((rs, n) -> new CodeRequest(rs.getObject(1, UUID.class), rs.getString(2))).single();
        try {
            email.sendOnce(request.onboardingId(), "email-code:" + requestId, request.email(),
                    EmailKind.VERIFICATION_CODE, () -> Map.of(
                    "code", storeNewCode(requestId),
                    "validMinutes", limits.emailCodeValidity().toMinutes(),
                    "progressLink", progressLinks.linkFor(request.onboardingId())));
        } catch (ProviderFailure failure) {
            // Not sent: it must not count towards the hourly limit (the job tries again and sets it when it sends).
            jdbc.sql("update email_code set sent_at = null where id = ?").param(requestId).update();
            throw failure;
        }
    }

    private String storeNewCode(long requestId) {
        String code = secrets.numericCode(6);
        Instant now = clock.instant();
        jdbc.sql("update email_code set code_hash = ?, sent_at = ?, expires_at = ?, wrong_tries = 0 where id = ?")
                .params(secrets.hash(code), Timestamp.from(now), Timestamp.from(now.plus(limits.emailCodeValidity())),
                        requestId)
                .update();
        return code;
    }

    /** Checks a typed code against every live code of the onboarding. */
    @Transactional
    public EmailCodeResult check(UUID onboardingId, String typed) {
        List<StoredCode> codes = jdbc.sql("select id, code_hash, wrong_tries, expires_at, used_at from email_code "
                        + "where onboarding_id = ? and code_hash is not null order by id desc for update")
                .param(onboardingId)
                .query((rs, n) -> new StoredCode(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) != null))
                .list();
        if (codes.isEmpty()) {
            return EmailCodeResult.NO_CODE;
        }
        Instant now = clock.instant();
        List<StoredCode> live = codes.stream()
                .filter(c -> !c.used() && c.expiresAt().isAfter(now) && c.wrongTries() < limits.emailCodeMaxTries())
                .toList();
        if (live.isEmpty()) {
            boolean anyUnexpired = codes.stream().anyMatch(c -> !c.used() && c.expiresAt().isAfter(now));
            return anyUnexpired ? EmailCodeResult.TOO_MANY_TRIES : EmailCodeResult.EXPIRED;
        }
        String normalised = Secrets.normaliseCode(typed);
        for (StoredCode code : live) {
            if (secrets.matches(normalised, code.hash())) {
                jdbc.sql("update email_code set used_at = ? where onboarding_id = ? and used_at is null")
                        .params(Timestamp.from(now), onboardingId).update();
                return EmailCodeResult.VERIFIED;
            }
        }
        for (StoredCode code : live) {
            jdbc.sql("update email_code set wrong_tries = wrong_tries + 1 where id = ?").param(code.id()).update();
        }
        boolean anyLeft = live.stream().anyMatch(c -> c.wrongTries() + 1 < limits.emailCodeMaxTries());
        return anyLeft ? EmailCodeResult.WRONG : EmailCodeResult.TOO_MANY_TRIES;
    }

    /** Retention: deletes the onboarding's email code requests (addresses and code hashes). */
    public void deleteFor(UUID onboardingId) {
        jdbc.sql("delete from email_code where onboarding_id = ?").param(onboardingId).update();
    }

    private record CodeRequest(UUID onboardingId, String email) {
    }

    private record StoredCode(long id, String hash, int wrongTries, Instant expiresAt, boolean used) {
    }
}
