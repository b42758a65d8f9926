package org.csonline.onboarding.phone;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.account.Account;
import org.csonline.onboarding.delivery.DeliveryLedger;
import org.csonline.onboarding.delivery.DeliveryProperties;
import org.csonline.onboarding.delivery.ProviderFailure;
import org.csonline.onboarding.process.OnboardingProcess;
import org.csonline.onboarding.process.ProcessMessage;
import org.csonline.onboarding.process.ProcessProperties;
import org.csonline.onboarding.signup.SignupRepository;
import org.csonline.onboarding.support.UserInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Guide steps 11-12 (two rounds of a phone code during sign-up) and the second factor of every sign-in. */
@Service
public class PhoneCodeService {

    /** Rounds of "Send Code"/"Call me" a new applicant passes: step 11, then step 12 repeats it. */
    public static final int ROUNDS = 2;

    private static final Logger log = LoggerFactory.getLogger(PhoneCodeService.class);

    private final JdbcClient jdbc;
    private final SignupRepository signups;
    private final PhoneVerification verification;
    private final DeliveryLedger ledger;
    private final OnboardingProcess process;
    private final DeliveryProperties delivery;
    private final ProcessProperties processTiming;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public PhoneCodeService(JdbcClient jdbc, SignupRepository signups, PhoneVerification verification,
            DeliveryLedger ledger, OnboardingProcess process, DeliveryProperties delivery,
            ProcessProperties processTiming, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.signups = signups;
        this.verification = verification;
        this.ledger = ledger;
        this.process = process;
        this.delivery = delivery;
        this.processTiming = processTiming;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Step 11: a number typed on the phone page and the button pressed. The number and the request commit together
     * with the message to the process; then the page waits a bounded time for the provider's answer. Returns whether
     * the provider has answered (false: the code is still on its way, and the code page says so).
     */
    public boolean requestForOnboarding(UUID onboardingId, String typedNumber, PhoneChannel channel) {
        PhoneNumber number = PhoneNumbers.parse(typedNumber);
        if (channel == PhoneChannel.SMS && !number.canReceiveTexts()) {
            throw new UserInputException("phoneNumber", "phone.number.landline");
        }
        long requestId = transaction.execute(status -> {
            signups.usePhone(onboardingId, number.e164());
            return requestCode(onboardingId, number.e164(), channel);
        });
        return answered(awaitOutcome(requestId));
    }

    /** Step 12 and "send new code": the number already given, by the channel chosen now. As above. */
    public boolean requestAgain(UUID onboardingId, PhoneChannel channel) {
        String e164 = onboardingPhone(onboardingId).orElseThrow(() -> new IllegalStateException("No phone yet"));
        long requestId = transaction.execute(status -> requestCode(onboardingId, e164, channel));
        return answered(awaitOutcome(requestId));
    }

    private static boolean answered(Optional<PhoneCodeOutcome> outcome) {
        throwIfRefused(outcome);
        return outcome.isPresent();
    }

    /** Whether the onboarding's latest request for a code is still waiting for the provider's answer. */
    public boolean isLatestRequestPending(UUID onboardingId) {
        return jdbc.sql("select status from phone_code_request where onboarding_id = ? order by id desc limit 1")
                .param(onboardingId).query(String.class).optional()
                .map(status -> status.equals("PENDING")).orElse(false);
    }

    /**
     * The provider's answer to the request, once the send-phone-code worker has it; empty while it is pending after
     * {@code cso.delivery.outcome-wait} (the code page then says the code is on its way, and shows a late refusal
     * with {@link #latestRefusal(UUID)}).
     */
    Optional<PhoneCodeOutcome> awaitOutcome(long requestId) {
        long deadline = System.nanoTime() + delivery.outcomeWait().toNanos();
        while (true) {
            Optional<PhoneCodeOutcome> outcome = outcome(requestId);
            if (outcome.isPresent() || System.nanoTime() > deadline) {
                return outcome;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** Why the provider refused the onboarding's latest request for a code, if it did. */
    public Optional<UserInputException> latestRefusal(UUID onboardingId) {
        return jdbc.sql("select status from phone_code_request where onboarding_id = ? order by id desc limit 1")
                .param(onboardingId).query(String.class).optional()
                .filter(status -> !status.equals("PENDING"))
                .flatMap(status -> PhoneCodeOutcome.valueOf(status).asUserError());
    }

    private Optional<PhoneCodeOutcome> outcome(long requestId) {
        return jdbc.sql("select status from phone_code_request where id = ?").param(requestId)
                .query(String.class).optional()
                .filter(status -> !status.equals("PENDING"))
                .map(PhoneCodeOutcome::valueOf);
    }

    private static void throwIfRefused(Optional<PhoneCodeOutcome> outcome) {
        Optional<UserInputException> refusal = outcome.flatMap(PhoneCodeOutcome::asUserError);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    /**
     * A new request, or the one still waiting for the provider for the same number and channel: pressing again while
     * a code is on its way (the engine slow or away) sends one code, so requests that never reached the provider do
     * not use up the provider's send limit. A request older than the message TTL is not reused (its message may be
     * gone).
     */
    private long requestCode(UUID onboardingId, String e164, PhoneChannel channel) {
        Duration messageLife = processTiming.messageTtl();
        Optional<Long> waiting = jdbc.sql("select id from phone_code_request where onboarding_id = ? and phone_e164 = ? "
                        + "and channel = ? and status = 'PENDING' and requested_at > ? order by id desc limit 1")
                .params(onboardingId, e164, channel.name(),
                        Timestamp.from(clock.instant().minus(messageLife)))
                .query(Long.class).optional();
        if (waiting.isPresent()) {
            return waiting.get();
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into phone_code_request (onboarding_id, phone_e164, channel, requested_at) values (?, ?, ?, ?)")
                .params(onboardingId, e164, channel.name(), Timestamp.from(clock.instant()))
                .update(key, "id");
        long requestId = key.getKeyAs(Long.class);
        process.publish(ProcessMessage.PHONE_CODE_REQUESTED, onboardingId, Long.toString(requestId),
                Map.of("phoneCodeRequestId", requestId));
        return requestId;
    }

    /**
     * Worker side: one text or call per request, whatever the job retries. The provider's answer is kept on the
     * request (the page reads it) and returned (the process gets it).
     */
    public PhoneCodeOutcome send(long requestId) {
        PhoneRequest request = jdbc.sql("select phone_e164, channel from phone_code_request where id = ?")
                .param(requestId)
                .query((rs, n) -> new PhoneRequest(rs.getString(1), PhoneChannel.valueOf(rs.getString(2))))
                .single();
        ledger.once("phone-code:" + requestId, request.channel().outboxChannel(), () -> {
            PhoneCodeOutcome outcome = verification.start(request.e164(), request.channel());
            jdbc.sql("update phone_code_request set status = ?, status_at = ? where id = ?")
                    .params(outcome.name(), Timestamp.from(clock.instant()), requestId).update();
            return null;
        });
        return outcome(requestId).orElse(PhoneCodeOutcome.SENT);
    }

    /** Steps 11-12: the code typed; a right one is reported to the process with the round it completes. */
    public PhoneCheckResult verifyForOnboarding(UUID onboardingId, String code) {
        if (code == null || code.isBlank()) {
            throw new UserInputException("code", "phone.code.required");
        }
        String e164 = onboardingPhone(onboardingId).orElseThrow(() -> new IllegalStateException("No phone yet"));
        PhoneCheckResult result = checkWithProvider(e164, code);
        if (result == PhoneCheckResult.APPROVED) {
            // The round and the message commit together: a round the database counts is a round the process hears.
            transaction.executeWithoutResult(status -> {
                int rounds = signups.phoneVerified(onboardingId);
                // The request whose code was typed: if the process has already sent a code for a later one (the
                // next round's request overtook this message), it waits for that code instead of a new request.
                long verifiedRequestId = jdbc.sql("select max(id) from phone_code_request where onboarding_id = ?")
                        .param(onboardingId).query(Long.class).single();
                process.publish(ProcessMessage.PHONE_CODE_VERIFIED, onboardingId, Integer.toString(rounds),
                        Map.of("phoneVerifications", rounds, "phoneCodeVerifiedRequestId", verifiedRequestId));
            });
        }
        return result;
    }

    public int roundsPassed(UUID onboardingId) {
        return signups.phoneRounds(onboardingId);
    }

    public Optional<String> onboardingPhone(UUID onboardingId) {
        return signups.phone(onboardingId);
    }

    /** Retention: deletes the onboarding's phone code requests (the numbers). */
    public void deleteFor(UUID onboardingId) {
        jdbc.sql("delete from phone_code_request where onboarding_id = ?").param(onboardingId).update();
    }

    /** Second factor of a sign-in: straight to the provider, as no process waits for it. */
    public void sendSignInCode(Account account, PhoneChannel channel) {
        PhoneCodeOutcome outcome;
        try {
            outcome = verification.start(requirePhone(account), channel);
        } catch (ProviderFailure e) {
            log.warn("Sign-in code not sent: {}", e.getMessage());
            throw new UserInputException("code", "phone.code.unavailable");
        }
        throwIfRefused(Optional.of(outcome));
    }

    /**
     * Sign-in after staff removed a lost phone: the number typed for the account, checked as on the sign-up phone
     * page, and a code sent straight to it (no process waits for it).
     */
    public PhoneNumber sendNewPhoneCode(String typedNumber, PhoneChannel channel) {
        PhoneNumber number = PhoneNumbers.parse(typedNumber);
        if (channel == PhoneChannel.SMS && !number.canReceiveTexts()) {
            throw new UserInputException("phoneNumber", "phone.number.landline");
        }
        PhoneCodeOutcome outcome;
        try {
            outcome = verification.start(number.e164(), channel);
        } catch (ProviderFailure e) {
            log.warn("New phone code not sent: {}", e.getMessage());
            throw new UserInputException("phoneNumber", "phone.code.unavailable");
        }
        Optional<UserInputException> refusal = outcome.asUserError();
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        return number;
    }

    public PhoneCheckResult checkNewPhoneCode(String e164, String code) {
        if (code == null || code.isBlank()) {
            throw new UserInputException("code", "phone.code.required");
        }
        return checkWithProvider(e164, code);
    }

    public PhoneCheckResult checkSignInCode(Account account, String code) {
        if (code == null || code.isBlank()) {
            throw new UserInputException("code", "phone.code.required");
        }
        return checkWithProvider(requirePhone(account), code);
    }

    /** A person waits on the page: a provider failure is a message to try again, not a retry loop. */
    private PhoneCheckResult checkWithProvider(String e164, String code) {
        try {
            return verification.check(e164, code);
        } catch (ProviderFailure e) {
            log.warn("Phone code not checked: {}", e.getMessage());
            throw new UserInputException("code", "phone.code.unavailable");
        }
    }

    private static String requirePhone(Account account) {
        if (account.phoneE164() == null) {
            throw new IllegalStateException("Account " + account.id() + " has no phone");
        }
        return account.phoneE164();
    }

    private record PhoneRequest(String e164, PhoneChannel channel) {
    }
}
