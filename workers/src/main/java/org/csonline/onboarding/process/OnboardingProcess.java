package org.csonline.onboarding.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one place that starts the onboarding process and publishes messages to it. Neither talks to the engine here:
 * each is written as a command in the caller's database transaction, so it commits with the page's own changes or
 * not at all, and {@link ProcessCommandRelay} sends it once the transaction commits (docs/adr/004). Every message is
 * correlated by onboarding id, lives for the configured TTL and carries a message id so a repeated publish is
 * harmless.
 */
@Component
public class OnboardingProcess {

    public static final String PROCESS_ID = "cso-onboarding";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcessCommandStore commands;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public OnboardingProcess(ProcessCommandStore commands, ApplicationEventPublisher events, Clock clock) {
        this.commands = commands;
        this.events = events;
        this.clock = clock;
    }

    /** Creates the onboarding's process instance once this transaction commits. */
    public void start(UUID onboardingId, Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put(ProcessVariables.ONBOARDING_ID, onboardingId.toString());
        write(onboardingId, ProcessCommand.Kind.START, null, null, all, null);
    }

    /**
     * Publishes the message once this transaction commits.
     *
     * @param uniqueSuffix what makes this publish different from other publishes of the same message for this
     *                     onboarding (a request id, a round number); the same suffix twice is one message
     */
    public void publish(ProcessMessage message, UUID onboardingId, String uniqueSuffix, Map<String, Object> variables) {
        write(onboardingId, ProcessCommand.Kind.PUBLISH, message.messageName(),
                messageId(message, onboardingId, uniqueSuffix), variables, null);
    }

    /** Cancels a second instance of the onboarding (a START that was sent twice) once this transaction commits. */
    public void cancelDuplicate(UUID onboardingId, long processInstanceKey) {
        write(onboardingId, ProcessCommand.Kind.CANCEL, null, null, null, processInstanceKey);
    }

    public static String messageId(ProcessMessage message, UUID onboardingId, String uniqueSuffix) {
        return onboardingId + ":" + message.messageName() + ":" + uniqueSuffix;
    }

    private void write(UUID onboardingId, ProcessCommand.Kind kind, String messageName, String messageId,
            Map<String, Object> variables, Long processInstanceKey) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // Outside a transaction the command and the caller's own changes could part: the very loss this prevents.
            throw new IllegalStateException("A process command must be written in the transaction of the change "
                    + "that causes it (" + kind + " " + (messageName == null ? "" : messageName) + ")");
        }
        commands.insert(onboardingId, kind, messageName, messageId, json(variables), processInstanceKey,
                clock.instant());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                events.publishEvent(new ProcessCommandsWritten());
            }
        });
    }

    private static String json(Map<String, Object> variables) {
        if (variables == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(variables);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Process variables must be plain values", e);
        }
    }

    /** Said after a transaction that wrote commands commits: the relay sends them at once instead of at its next look. */
    public record ProcessCommandsWritten() {
    }
}
