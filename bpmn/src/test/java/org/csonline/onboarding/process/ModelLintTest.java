package org.csonline.onboarding.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The model keeps the house rules; and the rules catch what they are meant to catch. */
class ModelLintTest {

    @Test
    void modelHasNoLintProblems() {
        var model = Bpmn.readModelFromStream(getClass().getResourceAsStream("/bpmn/cso-onboarding.bpmn"));

        assertThat(ModelLint.problems(model, messagesWithTtl())).isEmpty();
    }

    @Test
    void lintReportsEachKindOfProblem() {
        var broken = Bpmn.createExecutableProcess("broken")
                .startEvent("StartEvent_Begun").name("Begun")
                .serviceTask("serviceTask1", task -> task.zeebeJobType("x").name(""))
                .userTask("UserTask_Unassigned", task -> task.name("Unassigned").documentation("Guide step 2: someone decides."))
                .intermediateCatchEvent("Timer_Fixed", event -> event.name("Fixed").timerWithDuration("PT5M")
                        .documentation("Guide step 3: waits."))
                .intermediateCatchEvent("Event_Unlisted", event -> event.name("Unlisted")
                        .message(message -> message.name("unlisted-message").zeebeCorrelationKeyExpression("onboardingId"))
                        .documentation("Guide step 4: hears."))
                .endEvent("EndEvent_Done").name("Done")
                .done();

        var problems = String.join("\n", ModelLint.problems(broken, Set.of()));

        assertThat(problems)
                .contains("serviceTask1: flow node without a name")
                .contains("serviceTask1: step without its Guide step documentation")
                .contains("UserTask_Unassigned: user task without candidate group and form")
                .contains("without TTL in bpmn/README.md")
                .contains("timer PT5M is not a variable set from configuration")
                .contains("serviceTask1: id should be Task_UpperCamelCase");
    }

    private static Set<String> messagesWithTtl() {
        return ReadmeTables.read().rows("Messages").stream()
                .filter(row -> !ReadmeTables.codes(row.get(2)).isEmpty())
                .map(row -> ReadmeTables.codes(row.get(0)).getFirst())
                .collect(Collectors.toSet());
    }
}
