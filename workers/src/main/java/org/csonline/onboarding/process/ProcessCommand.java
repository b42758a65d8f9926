package org.csonline.onboarding.process;

import java.time.Instant;
import java.util.UUID;

/**
 * One command for the engine, as written by a page in its own transaction.
 *
 * @param messageName       for {@link Kind#PUBLISH}
 * @param messageId         for {@link Kind#PUBLISH}: what makes a repeated publish harmless
 * @param variables         JSON of the variables (ids, outcomes and counters only), or null
 * @param processInstanceKey for {@link Kind#CANCEL}: the instance to cancel
 */
public record ProcessCommand(long id, UUID onboardingId, Kind kind, String messageName, String messageId,
        String variables, int attempts, Long processInstanceKey, Instant createdAt) {

    public enum Kind {
        /** Create the onboarding's process instance. */
        START,
        /** Publish a message correlated by the onboarding id. */
        PUBLISH,
        /** Cancel a second instance of an onboarding that a repeated START created. */
        CANCEL
    }

    /** What logs and the staff pages may show: no variables. */
    public String describe() {
        return switch (kind) {
            case START -> "start of onboarding " + onboardingId;
            case PUBLISH -> "message " + messageName + " (" + messageId + ")";
            case CANCEL -> "cancellation of duplicate instance " + processInstanceKey + " of onboarding " + onboardingId;
        };
    }
}
