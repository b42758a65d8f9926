package org.csonline.onboarding.process;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.Error;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.TextAnnotation;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The house rules of the model (bpmn/README.md), as a list of problems: names, guide-step documentation,
 * Tasklist-ready user tasks, messages with a TTL in the contract, timers from configuration, and ids.
 */
final class ModelLint {

    private static final Pattern GUIDE_STEP = Pattern.compile("^Guide steps? \\d+(-\\d+)?: \\S.*", Pattern.DOTALL);
    private static final Pattern CAMEL = Pattern.compile("[A-Z][A-Za-z0-9]+");
    private static final Pattern VARIABLE = Pattern.compile("=[a-z][A-Za-z0-9]*");
    private static final Map<Class<? extends BaseElement>, String> PREFIXES = Map.ofEntries(
            Map.entry(StartEvent.class, "StartEvent_"), Map.entry(EndEvent.class, "EndEvent_"),
            Map.entry(ServiceTask.class, "Task_"), Map.entry(UserTask.class, "UserTask_"),
            Map.entry(BoundaryEvent.class, "Boundary_"), Map.entry(ExclusiveGateway.class, "Gateway_"),
            Map.entry(EventBasedGateway.class, "Gateway_"), Map.entry(SubProcess.class, "SubProcess_"),
            Map.entry(SequenceFlow.class, "Flow_"), Map.entry(Message.class, "Message_"), Map.entry(Error.class, "Error_"),
            Map.entry(TextAnnotation.class, "TextAnnotation_"));

    private ModelLint() {}

    /** @param messagesWithTtl message names the README's Messages table lists with a TTL */
    static List<String> problems(BpmnModelInstance model, Set<String> messagesWithTtl) {
        var problems = new ArrayList<String>();
        for (var node : model.getModelElementsByType(FlowNode.class)) {
            if (node.getName() == null || node.getName().isBlank()) {
                problems.add(node.getId() + ": flow node without a name");
            }
            boolean step = node instanceof Activity || node instanceof IntermediateCatchEvent || node instanceof BoundaryEvent;
            boolean eventSubprocess = node instanceof SubProcess sub && sub.triggeredByEvent();
            if (step && !eventSubprocess && node.getDocumentations().stream()
                    .noneMatch(doc -> GUIDE_STEP.matcher(doc.getTextContent()).matches())) {
                problems.add(node.getId() + ": step without its Guide step documentation");
            }
        }
        for (var task : model.getModelElementsByType(UserTask.class)) {
            var group = task.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
            var form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
            var schedule = task.getSingleExtensionElement(ZeebeTaskSchedule.class);
            if (group == null || group.getCandidateGroups() == null || form == null || form.getFormId() == null) {
                problems.add(task.getId() + ": user task without candidate group and form");
            }
            if (schedule == null || schedule.getDueDate() == null || schedule.getFollowUpDate() == null) {
                problems.add(task.getId() + ": user task without due date and follow-up date");
            }
        }
        for (var message : model.getModelElementsByType(Message.class)) {
            if (!messagesWithTtl.contains(message.getName())) {
                problems.add(message.getId() + ": message " + message.getName() + " without TTL in bpmn/README.md");
            }
        }
        for (var timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            var expression = ProcessModelTest.timerExpression(timer);
            if (!VARIABLE.matcher(expression).matches()) {
                problems.add(((BaseElement) timer.getParentElement()).getId() + ": timer " + expression
                        + " is not a variable set from configuration");
            }
        }
        for (var entry : PREFIXES.entrySet()) {
            for (var element : model.getModelElementsByType(entry.getKey())) {
                checkId(element.getId(), entry.getValue(), problems);
            }
        }
        for (var event : model.getModelElementsByType(IntermediateCatchEvent.class)) {
            var timer = !event.getChildElementsByType(TimerEventDefinition.class).isEmpty();
            checkId(event.getId(), timer ? "Timer_" : "Event_", problems);
        }
        return problems;
    }

    private static void checkId(String id, String prefix, List<String> problems) {
        if (!id.startsWith(prefix) || !CAMEL.matcher(id.substring(prefix.length())).matches()) {
            problems.add(id + ": id should be " + prefix + "UpperCamelCase");
        }
    }
}
