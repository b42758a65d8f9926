package org.csonline.onboarding.signup;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.account.ConfirmedPhones;
import org.csonline.onboarding.delivery.DeliveryLedger;
import org.csonline.onboarding.delivery.DeliveryProperties;
import org.csonline.onboarding.phone.PhoneChannel;
import org.csonline.onboarding.phone.PhoneCheckResult;
import org.csonline.onboarding.phone.PhoneCodeOutcome;
import org.csonline.onboarding.phone.PhoneCodes;
import org.csonline.onboarding.phone.PhoneNumber;
import org.csonline.onboarding.phone.PhoneVerification;
import org.csonline.onboarding.process.OnboardingProcess;
import org.csonline.onboarding.process.ProcessMessage;
import org.csonline.onboarding.process.ProcessProperties;
import org.csonline.onboarding.process.ProcessVariables;
import org.csonline.onboarding.support.UserInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Guide steps 11-12: a new applicant confirms a phone in {@value #REQUIRED} rounds of "Send Code" or "Call me". Each
 * request commits with its message to the process, which sends the code through the send-phone-code job; each right
 * code is a round the process hears. The only writer of {@code phone_code_request}.
 */
@Service
public class PhoneRounds implements ConfirmedPhones {

    /**
     * Rounds a new applicant passes: step 11, then step 12 repeats it. The model's gateway after a verified code asks
     * for the same number ({@code PhoneRoundsModelTest} holds them together).
     */
    public static final int REQUIRED = 2;

    private final JdbcClient jdbc;
    private final SignupPhoneRepository phones;
    private final PhoneVerification verification;
    private final PhoneCodes codes;
    private final DeliveryLedger ledger;
    private final OnboardingProcess process;
    private final DeliveryProperties delivery;
    private final ProcessProperties processTiming;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public PhoneRounds(JdbcClient jdbc, SignupPhoneRepository phones, PhoneVerification verification,
            PhoneCodes codes, DeliveryLedger ledger, OnboardingProcess process, DeliveryProperties delivery,
            ProcessProperties processTiming, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.phones = phones;
        this.verification = verification;
        this.codes = codes;
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
    public boolean request(UUID onboardingId, String typedNumber, PhoneChannel channel) {
        PhoneNumber number = PhoneCodes.parse(typedNumber, channel);
        long requestId = transaction.execute(status -> {
            phones.use(onboardingId, number.e164());
            return requestCode(onboardingId, number.e164(), channel);
        });
        return answered(awaitOutcome(requestId));
    }

    /** Step 12 and "send new code": the number already given, by the channel chosen now. As above. */
    public boolean requestAgain(UUID onboardingId, PhoneChannel channel) {
        String e164 = number(onboardingId).orElseThrow(() -> new IllegalStateException("No phone yet"));
        long requestId = transaction.execute(status -> requestCode(onboardingId, e164, channel));
        return answered(awaitOutcome(requestId));
    }

    private static boolean answered(Optional<PhoneCodeOutcome> outcome) {
        outcome.flatMap(PhoneCodeOutcome::asUserError).ifPresent(refusal -> {
            throw refusal;
        });
        return outcome.isPresent();
    }

    /** Whether the onboarding's latest request for a code is still waiting for the provider's answer. */
    public boolean isLatestRequestPending(UUID onboardingId) {
        return latestStatus(onboardingId).map(status -> status.equals("PENDING")).orElse(false);
    }

    /** Why the provider refused the onboarding's latest request for a code, if it did. */
    public Optional<UserInputException> latestRefusal(UUID onboardingId) {
        return latestStatus(onboardingId).filter(status -> !status.equals("PENDING"))
                .flatMap(status -> PhoneCodeOutcome.valueOf(status).asUserError());
    }

    private Optional<String> latestStatus(UUID onboardingId) {
        return jdbc.sql("select status from phone_code_request where onboarding_id = ? order by id desc limit 1")
                .param(onboardingId).query(String.class).optional();
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

    private Optional<PhoneCodeOutcome> outcome(long requestId) {
        return jdbc.sql("select status from phone_code_request where id = ?").param(requestId)
                .query(String.class).optional()
                .filter(status -> !status.equals("PENDING"))
                .map(PhoneCodeOutcome::valueOf);
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
                Map.of(ProcessVariables.PHONE_CODE_REQUEST_ID, requestId));
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
    public PhoneCheckResult verify(UUID onboardingId, String code) {
        String e164 = number(onboardingId).orElseThrow(() -> new IllegalStateException("No phone yet"));
        PhoneCheckResult result = codes.check(e164, code);
        if (result == PhoneCheckResult.APPROVED) {
            // The round and the message commit together: a round the database counts is a round the process hears.
            transaction.executeWithoutResult(status -> {
                int rounds = phones.roundPassed(onboardingId);
                // The request whose code was typed: if the process has already sent a code for a later one (the
                // next round's request overtook this message), it waits for that code instead of a new request.
                long verifiedRequestId = jdbc.sql("select max(id) from phone_code_request where onboarding_id = ?")
                        .param(onboardingId).query(Long.class).single();
                process.publish(ProcessMessage.PHONE_CODE_VERIFIED, onboardingId, Integer.toString(rounds),
                        Map.of(ProcessVariables.PHONE_VERIFICATIONS, rounds,
                                ProcessVariables.PHONE_CODE_VERIFIED_REQUEST_ID, verifiedRequestId));
            });
        }
        return result;
    }

    /** The round the applicant is on: 1 for step 11, 2 for step 12. */
    public int currentRound(UUID onboardingId) {
        return phones.roundsPassed(onboardingId) + 1;
    }

    /** Whether every round is passed, so the applicant goes on to their record (step 13). */
    public boolean isComplete(UUID onboardingId) {
        return phones.roundsPassed(onboardingId) >= REQUIRED;
    }

    public Optional<String> number(UUID onboardingId) {
        return phones.number(onboardingId);
    }

    @Override
    public Optional<String> confirmedPhone(UUID onboardingId) {
        return isComplete(onboardingId) ? number(onboardingId) : Optional.empty();
    }

    /** Retention: deletes the onboarding's number and its requests for codes. */
    public void deleteFor(UUID onboardingId) {
        jdbc.sql("delete from phone_code_request where onboarding_id = ?").param(onboardingId).update();
        phones.deleteFor(onboardingId);
    }

    private record PhoneRequest(String e164, PhoneChannel channel) {
    }
}
