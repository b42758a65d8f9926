package org.csonline.onboarding.email;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.csonline.onboarding.delivery.ProviderFailure;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.process.OnboardingProcess;
import org.csonline.onboarding.process.ProcessMessage;
import org.csonline.onboarding.process.ProcessVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What SendGrid's event webhook tells about onboarding emails. A bounce or a drop is recorded once per SendGrid
 * event and reported to the process as {@code email-undeliverable}, so the caseworker can be told the address does
 * not work. Other events, and events of emails that are not an onboarding's, are ignored.
 */
@Service
public class EmailDeliveryFeedback {

    private static final Logger log = LoggerFactory.getLogger(EmailDeliveryFeedback.class);

    private final JdbcClient jdbc;
    private final OnboardingRepository onboardings;
    private final OnboardingProcess process;
    private final Clock clock;

    public EmailDeliveryFeedback(JdbcClient jdbc, OnboardingRepository onboardings, OnboardingProcess process,
            Clock clock) {
        this.jdbc = jdbc;
        this.onboardings = onboardings;
        this.process = process;
        this.clock = clock;
    }

    /** One event as SendGrid posts it (custom args arrive as top-level fields of the event). */
    public record Event(String sgEventId, String event, String onboardingId, String step, String reason,
            Long timestamp) {
    }

    /**
     * Returns whether the event was an undeliverable onboarding email seen for the first time. The event and the
     * message to the process commit together.
     */
    @Transactional
    public boolean record(Event event) {
        if (!"bounce".equals(event.event()) && !"dropped".equals(event.event())) {
            return false;
        }
        Optional<UUID> onboardingId = uuid(event.onboardingId());
        Optional<EmailKind> kind = Arrays.stream(EmailKind.values())
                .filter(k -> k.name().equals(event.step())).findFirst();
        if (onboardingId.isEmpty() || kind.isEmpty() || event.sgEventId() == null || event.sgEventId().isBlank()) {
            return false;
        }
        if (onboardings.find(onboardingId.get()).isEmpty()) {
            return false;
        }
        // Insert-if-absent rather than catching the duplicate key: on PostgreSQL a failed statement ends the
        // transaction that also holds the message to the process.
        int inserted = jdbc.sql("insert into email_delivery_event (sg_event_id, onboarding_id, email_kind, event, "
                        + "reason, occurred_at, received_at) select ?, ?, ?, ?, ?, ?, ? "
                        + "where not exists (select 1 from email_delivery_event where sg_event_id = ?)")
                .params(event.sgEventId(), onboardingId.get(), kind.get().name(), event.event(),
                        ProviderFailure.scrub(event.reason()),
                        event.timestamp() == null ? null : Timestamp.from(Instant.ofEpochSecond(event.timestamp())),
                        Timestamp.from(clock.instant()), event.sgEventId())
                .update();
        if (inserted == 0) {
            return false;
        }
        log.warn("The {} email of onboarding {} was {} by SendGrid", kind.get(), onboardingId.get(), event.event());
        process.publish(ProcessMessage.EMAIL_UNDELIVERABLE, onboardingId.get(), kind.get().name(),
                Map.of(ProcessVariables.UNDELIVERABLE_EMAIL_KIND, kind.get().name()));
        return true;
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
