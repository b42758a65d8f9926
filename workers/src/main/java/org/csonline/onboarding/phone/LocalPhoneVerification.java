package org.csonline.onboarding.phone;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import org.csonline.onboarding.outbox.LocalOutbox;
import org.csonline.onboarding.support.CouncilProperties;
import org.csonline.onboarding.support.Secrets;
import org.csonline.onboarding.support.SecurityProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plays Twilio Verify when no Twilio keys are configured: the same limits and expiry (docs/applicant-security.md), codes
 * stored hashed, and texts and calls delivered to the local outbox.
 */
public class LocalPhoneVerification implements PhoneVerification {

    private final JdbcClient jdbc;
    private final Secrets secrets;
    private final SecurityProperties limits;
    private final LocalOutbox outbox;
    private final CouncilProperties council;
    private final Clock clock;

    public LocalPhoneVerification(JdbcClient jdbc, Secrets secrets, SecurityProperties limits, LocalOutbox outbox,
            CouncilProperties council, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.limits = limits;
        this.outbox = outbox;
        this.council = council;
        this.clock = clock;
    }

    @Override
    @Transactional
    public PhoneCodeOutcome start(String e164, PhoneChannel channel) {
        Instant now = clock.instant();
        Optional<Pending> pending = pending(e164, now);
        int sends = pending.map(p -> p.sends() + 1).orElse(1);
        if (sends > limits.phoneCodeMaxSends()) {
            return PhoneCodeOutcome.TOO_MANY_SENDS;
        }
        String code = secrets.numericCode(6);
        jdbc.sql("merge into local_phone_verification (phone_e164, code_hash, checks, sends, expires_at, created_at) "
                        + "key (phone_e164) values (?, ?, ?, ?, ?, ?)")
                .params(e164, secrets.hash(code), pending.map(Pending::checks).orElse(0), sends,
                        Timestamp.from(now.plus(limits.phoneCodeValidity())), Timestamp.from(now))
                .update();
        long minutes = limits.phoneCodeValidity().toMinutes();
        if (channel == PhoneChannel.SMS) {
            outbox.deliver(channel.outboxChannel(), e164, null, "Your %s verification code is %s. It expires in %d minutes."
                    .formatted(council.name(), code, minutes));
        } else {
            String spoken = code.chars().mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining(", "));
            outbox.deliver(channel.outboxChannel(), e164, null, ("Hello. This is %s. Your verification code is %s. "
                    + "Again, your code is %s. It expires in %d minutes. Goodbye.")
                    .formatted(council.name(), spoken, spoken, minutes));
        }
        return PhoneCodeOutcome.SENT;
    }

    @Override
    @Transactional
    public PhoneCheckResult check(String e164, String code) {
        Instant now = clock.instant();
        Optional<Pending> pending = pending(e164, now);
        if (pending.isEmpty()) {
            return PhoneCheckResult.EXPIRED;
        }
        if (pending.get().checks() >= limits.phoneCodeMaxChecks()) {
            return PhoneCheckResult.TOO_MANY_CHECKS;
        }
        if (secrets.matches(Secrets.normaliseCode(code), pending.get().hash())) {
            jdbc.sql("delete from local_phone_verification where phone_e164 = ?").param(e164).update();
            return PhoneCheckResult.APPROVED;
        }
        jdbc.sql("update local_phone_verification set checks = checks + 1 where phone_e164 = ?").param(e164).update();
        return pending.get().checks() + 1 >= limits.phoneCodeMaxChecks()
                ? PhoneCheckResult.TOO_MANY_CHECKS : PhoneCheckResult.WRONG;
    }

    private Optional<Pending> pending(String e164, Instant now) {
        return jdbc.sql("select code_hash, checks, sends from local_phone_verification where phone_e164 = ? "
                        + "and expires_at > ?")
                .params(e164, Timestamp.from(now))
                .query((rs, n) -> new Pending(rs.getString(1), rs.getInt(2), rs.getInt(3)))
                .optional();
    }

    private record Pending(String hash, int checks, int sends) {
    }
}
