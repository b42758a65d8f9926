package org.csonline.onboarding.process;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ExtensionElements;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListenerEventType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Records which execution-listener event types the engine accepts per element kind, which decides where the
 * journey-timeline listeners can sit. If an engine upgrade changes this, revisit the listeners in the model.
 */
@ZeebeProcessTest
@ExtendWith(ModelCoverageExtension.class)
class ExecutionListenerSupportTest {

    private ZeebeTestEngine engine;
    private ZeebeClient client;

    @ParameterizedTest(name = "{0} listener on {1} ({2})")
    @CsvSource({
        "start, StartEvent_OnboardingRequested, rejected",
        "end,   StartEvent_OnboardingRequested, accepted",
        "start, Boundary_SetupCodeChecked,      rejected",
        "start, Gateway_SetupCodeOutcome,       accepted",
        "end,   Gateway_SetupCodeOutcome,       rejected",
        "start, Gateway_AccountChoice,          accepted",
        "end,   Gateway_AccountChoice,          rejected",
        "end,   EndEvent_AccountActivated,      accepted",
    })
    void engineAcceptsOnlySomeListenerEventTypesPerElementKind(
            String eventType, String elementId, String expected) {
        var model = modelWithProbeListener(elementId, ZeebeExecutionListenerEventType.valueOf(eventType));

        // The forms bind to the deployment, so they go with the model.
        var deploy = client.newDeployResourceCommand().addProcessModel(model, "cso-onboarding.bpmn")
                .addResourceFromClasspath("bpmn/forms/confirm-setup-code.form")
                .addResourceFromClasspath("bpmn/forms/enter-applicant-details.form")
                .addResourceFromClasspath("bpmn/forms/review-access.form")
                .addResourceFromClasspath("bpmn/forms/start-onboarding.form")
                .send();

        if (expected.equals("accepted")) {
            assertThatCode(deploy::join).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(deploy::join).hasMessageContaining("Execution listeners of type '" + eventType + "'");
        }
    }

    private BpmnModelInstance modelWithProbeListener(String elementId, ZeebeExecutionListenerEventType eventType) {
        var model = Bpmn.readModelFromStream(getClass().getResourceAsStream("/bpmn/cso-onboarding.bpmn"));
        FlowNode node = model.getModelElementById(elementId);
        var extensions = node.getExtensionElements();
        if (extensions == null) {
            extensions = model.newInstance(ExtensionElements.class);
            node.setExtensionElements(extensions);
        }
        var listeners = extensions.getChildElementsByType(ZeebeExecutionListeners.class).stream().findFirst()
                .orElse(null);
        if (listeners == null) {
            listeners = extensions.addExtensionElement(ZeebeExecutionListeners.class);
        }
        var listener = model.newInstance(ZeebeExecutionListener.class);
        listener.setEventType(eventType);
        listener.setType("probe");
        listeners.addChildElement(listener);
        return model;
    }
}
