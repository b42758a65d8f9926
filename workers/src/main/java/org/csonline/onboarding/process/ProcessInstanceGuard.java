package org.csonline.onboarding.process;

import io.camunda.client.CamundaClient;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes a start sent twice harmless. The relay may send a start again when the engine created the instance but its
 * answer was lost (a connection cut, a timeout, the app killed), so an onboarding can get a second instance. Every
 * step of the model begins with a timeline listener job; before recording, the listener asks here whether its
 * instance is the onboarding's. The first instance to ask (or to be acknowledged to the relay) becomes the
 * onboarding's; any other is cancelled before its first step runs (docs/adr/004).
 */
@Component
public class ProcessInstanceGuard {

    private static final Logger log = LoggerFactory.getLogger(ProcessInstanceGuard.class);

    private final ProcessInstanceOwners onboardings;
    private final CamundaClient client;

    public ProcessInstanceGuard(ProcessInstanceOwners onboardings, CamundaClient client) {
        this.onboardings = onboardings;
        this.client = client;
    }

    /** Whether the instance may go on; a second instance is cancelled (a failure here fails the job: retried). */
    public boolean isOnboardingsInstance(UUID onboardingId, long processInstanceKey) {
        Optional<Long> owning = onboardings.claimProcessInstance(onboardingId, processInstanceKey);
        if (owning.isEmpty() || owning.get() == processInstanceKey) {
            return true;
        }
        log.warn("Instance {} is a second instance of onboarding {} (a repeated start); cancelling it, {} goes on",
                processInstanceKey, onboardingId, owning.get());
        client.newCancelInstanceCommand(processInstanceKey).send().join();
        return false;
    }
}
