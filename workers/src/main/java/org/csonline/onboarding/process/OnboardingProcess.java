package org.csonline.onboarding.process;

import io.camunda.client.CamundaClient;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one place that starts the onboarding process and publishes messages to it. Every message is correlated by
 * onboarding id, lives for the configured TTL and carries a message id so a repeated publish is harmless.
 */
@Component
public class OnboardingProcess {

    public static final String PROCESS_ID = "cso-onboarding";

    private final CamundaClient client;
    private final ProcessProperties properties;

    public OnboardingProcess(CamundaClient client, ProcessProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    public long start(UUID onboardingId, Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put("onboardingId", onboardingId.toString());
        return client.newCreateInstanceCommand()
                .bpmnProcessId(PROCESS_ID)
                .latestVersion()
                .variables(all)
                .send()
                .join()
                .getProcessInstanceKey();
    }

    /**
     * @param uniqueSuffix what makes this publish different from other publishes of the same message for this
     *                     onboarding (a request id, a round number); the same suffix twice is one message
     */
    public void publish(ProcessMessage message, UUID onboardingId, String uniqueSuffix, Map<String, Object> variables) {
        client.newPublishMessageCommand()
                .messageName(message.messageName())
                .correlationKey(onboardingId.toString())
                .messageId(onboardingId + ":" + message.messageName() + ":" + uniqueSuffix)
                .timeToLive(properties.messageTtl(message))
                .variables(variables)
                .send()
                .join();
    }
}
