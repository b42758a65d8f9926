package org.csonline.onboarding.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.BpmnModelElementInstance;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the model, its forms and the contract in bpmn/README.md in step, without running the engine. */
class ProcessModelTest {

    private static final Pattern GUIDE_STEP = Pattern.compile("^Guide steps? (\\d+)(?:-(\\d+))?: \\S.*", Pattern.DOTALL);
    private static final Pattern ELEMENT_ID = Pattern.compile("(StartEvent|EndEvent|Task|UserTask|Event|Boundary|Timer|Gateway|SubProcess)_\\w+");

    private static BpmnModelInstance model;
    private static ReadmeTables readme;

    @BeforeAll
    static void read() {
        model = Bpmn.readModelFromStream(ProcessModelTest.class.getResourceAsStream("/bpmn/cso-onboarding.bpmn"));
        readme = ReadmeTables.read();
    }

    @Test
    void everyFlowNodeHasAName() {
        assertThat(all(FlowNode.class)).allSatisfy(node -> assertThat(node.getName()).as(node.getId()).isNotBlank());
    }

    @Test
    void everyGuideStepFromOneToFifteenIsDocumented() {
        var covered = new TreeSet<Integer>();
        for (var node : all(FlowNode.class)) {
            for (var documentation : node.getDocumentations()) {
                var matcher = GUIDE_STEP.matcher(documentation.getTextContent());
                assertThat(matcher.matches()).as("documentation of %s", node.getId()).isTrue();
                var first = Integer.parseInt(matcher.group(1));
                var last = matcher.group(2) == null ? first : Integer.parseInt(matcher.group(2));
                IntStream.rangeClosed(first, last).forEach(covered::add);
            }
        }
        assertThat(covered).containsExactlyElementsOf(IntStream.rangeClosed(1, 15).boxed().toList());
    }

    @Test
    void documentationComesFirstInEachElement() {
        // The BPMN schema puts documentation before extensionElements; the Modeler drops it otherwise.
        assertThat(all(FlowNode.class))
                .filteredOn(node -> !node.getDocumentations().isEmpty())
                .allSatisfy(node -> assertThat(node.getDomElement().getChildElements().getFirst().getLocalName())
                        .as(node.getId())
                        .isEqualTo("documentation"));
    }

    @Test
    void serviceTasksCreateTheJobTypesTheReadmeLists() {
        var readmeJobs = new TreeMap<String, Set<String>>();
        for (var row : readme.rows("Job types")) {
            var elements = ReadmeTables.codes(row.get(1));
            if (!elements.isEmpty()) {
                readmeJobs.put(ReadmeTables.codes(row.get(0)).getFirst(), new TreeSet<>(elements));
            }
        }
        var modelJobs = new TreeMap<String, Set<String>>();
        for (var task : all(ServiceTask.class)) {
            modelJobs.computeIfAbsent(extension(task, ZeebeTaskDefinition.class).getType(), type -> new TreeSet<>())
                    .add(task.getId());
        }

        assertThat(modelJobs).isEqualTo(readmeJobs);
    }

    @Test
    void timelineListenersAreTheListenerJobTypesTheReadmeLists() {
        var readmeListeners = readme.rows("Job types").stream()
                .filter(row -> row.get(1).startsWith("execution listener"))
                .map(row -> ReadmeTables.codes(row.get(0)).getFirst() + " on " + (row.get(1).contains("(start)") ? "start" : "end"))
                .collect(Collectors.toCollection(TreeSet::new));
        var modelListeners = all(FlowNode.class).stream()
                .flatMap(node -> listeners(node).stream())
                .map(listener -> listener.getType() + " on " + listener.getEventType())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(modelListeners).isEqualTo(readmeListeners);
    }

    @Test
    void everyStepReportsItsStartAndEndToTheTimeline() {
        // The engine rejects start listeners on boundary events and runs no end listener on an element it
        // terminates, so a user task left through its boundary reports its end through the boundary event.
        for (var node : all(FlowNode.class)) {
            var expected = switch (node) {
                // A Tasklist start has no onboardingId until this job completes: a start listener would fail.
                case ServiceTask task when task.getId().equals("Task_RegisterOnboarding") -> Set.of("end:timeline-step-ended");
                case ServiceTask ignored -> Set.of("start:timeline-step-started", "end:timeline-step-ended");
                case UserTask ignored -> Set.of("start:timeline-step-started", "end:timeline-step-ended");
                case IntermediateCatchEvent ignored -> Set.of("start:timeline-step-started", "end:timeline-step-ended");
                case BoundaryEvent ignored -> Set.of("end:timeline-step-ended");
                // The outer end follows an inner end event that already marked the outcome.
                case EndEvent end when end.getId().equals("EndEvent_OnboardingFinished") -> Set.<String>of();
                case EndEvent ignored -> Set.of("start:timeline-step-started");
                default -> Set.<String>of();
            };
            var actual = listeners(node).stream()
                    .map(listener -> listener.getEventType() + ":" + listener.getType())
                    .collect(Collectors.toSet());
            assertThat(actual).as("listeners of %s", node.getId()).isEqualTo(expected);
        }
    }

    @Test
    void messagesAreTheOnesTheReadmeListsCaughtWhereItSays() {
        var readmeMessages = new TreeMap<String, Set<String>>();
        for (var row : readme.rows("Messages")) {
            var catchers = ReadmeTables.codes(row.get(1)).stream()
                    .filter(id -> id.startsWith("Event_") || id.startsWith("Boundary_") || id.startsWith("StartEvent_"))
                    .collect(Collectors.toCollection(TreeSet::new));
            readmeMessages.put(ReadmeTables.codes(row.get(0)).getFirst(), catchers);
        }
        var modelMessages = new TreeMap<String, Set<String>>();
        for (var event : all(CatchEvent.class)) {
            for (var definition : event.getEventDefinitions()) {
                if (definition instanceof MessageEventDefinition message) {
                    modelMessages.computeIfAbsent(message.getMessage().getName(), name -> new TreeSet<>()).add(event.getId());
                }
            }
        }

        assertThat(modelMessages).isEqualTo(readmeMessages);
    }

    @Test
    void everyMessageIsCorrelatedByOnboardingIdAndNamedAfterItsMessage() {
        assertThat(all(Message.class)).allSatisfy(message -> {
            assertThat(extension(message, ZeebeSubscription.class).getCorrelationKey()).isEqualTo("=onboardingId");
            assertThat(message.getId()).isEqualTo("Message_" + camelCase(message.getName()));
        });
    }

    @Test
    void userTasksHaveTheGroupFormAndDueDateTheReadmeLists() {
        var readmeTasks = readme.rows("User tasks").stream()
                .map(row -> String.join(" | ", ReadmeTables.codes(row.get(0)).getFirst(),
                        ReadmeTables.codes(row.get(1)).getFirst(), ReadmeTables.codes(row.get(2)).getFirst(),
                        ReadmeTables.codes(row.get(3)).getFirst()))
                .toList();
        var modelTasks = all(UserTask.class).stream()
                .peek(task -> assertThat(extension(task, ZeebeUserTask.class)).as("%s is a Camunda user task", task.getId())
                        .isNotNull())
                .map(task -> String.join(" | ", task.getId(),
                        extension(task, ZeebeAssignmentDefinition.class).getCandidateGroups(),
                        extension(task, ZeebeFormDefinition.class).getFormId(),
                        extension(task, ZeebeTaskSchedule.class).getDueDate()))
                .toList();

        assertThat(modelTasks).containsExactlyInAnyOrderElementsOf(readmeTasks);
    }

    @Test
    void timersUseTheExpressionsTheReadmeLists() {
        var readmeTimers = readme.rows("Timers").stream()
                .collect(Collectors.toMap(row -> ReadmeTables.codes(row.get(0)).getFirst(),
                        row -> ReadmeTables.codes(row.get(1)).getFirst()));
        var modelTimers = all(TimerEventDefinition.class).stream()
                .collect(Collectors.toMap(timer -> ((BaseElement) timer.getParentElement()).getId(),
                        ProcessModelTest::timerExpression));

        assertThat(modelTimers).isEqualTo(readmeTimers);
    }

    /**
     * What a Tasklist form submits stays in Camunda's storage and Operate's history, whatever a worker clears later:
     * no form may ask for a code or personal data. Only the review's decision is asked for.
     */
    @Test
    void formsAskForNothingButTheReviewDecision() throws IOException {
        Map<String, List<String>> fieldsByForm = Map.of("confirm-setup-code", List.of(),
                "enter-applicant-details", List.of(), "start-onboarding", List.of(),
                "review-access", List.of("accessApproved"));
        for (var entry : fieldsByForm.entrySet()) {
            JsonNode form = form(entry.getKey());
            assertThat(form.path("id").asText()).isEqualTo(entry.getKey());
            assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Cloud");
            var keys = StreamSupport.stream(form.path("components").spliterator(), false)
                    .filter(component -> component.has("key")).map(component -> component.path("key").asText())
                    .toList();
            assertThat(keys).as("input fields of form %s", entry.getKey()).isEqualTo(entry.getValue());
        }
    }

    /** The form-js schema wants string option values; Modeler turns booleans into strings when they are edited. */
    @Test
    void reviewDecisionOptionsAreTheStringsTheGatewayAccepts() throws IOException {
        var decision = StreamSupport.stream(form("review-access").path("components").spliterator(), false)
                .filter(component -> component.path("key").asText().equals("accessApproved")).findFirst().orElseThrow();
        var values = StreamSupport.stream(decision.path("values").spliterator(), false)
                .map(option -> option.path("value")).toList();
        assertThat(values).allSatisfy(value -> assertThat(value.isTextual()).as("%s is a string", value).isTrue());
        assertThat(values).extracting(JsonNode::asText).containsExactlyInAnyOrder("true", "false");
        var flows = all(SequenceFlow.class).stream().filter(flow -> flow.getSource().getId().equals("Gateway_AccessApproved"))
                .collect(Collectors.toMap(SequenceFlow::getId, flow -> flow.getConditionExpression().getTextContent()));
        assertThat(flows.get("Flow_AccessApproved")).contains("string(accessApproved) = \"true\"");
        assertThat(flows.get("Flow_AccessDeclined")).contains("string(accessApproved) = \"false\"");
    }

    /** docs/adr/001: an instance keeps the forms of its own deployment, not whatever was deployed last. */
    @Test
    void everyFormIsBoundToItsDeployment() {
        var linked = all(ZeebeFormDefinition.class);
        assertThat(linked).hasSize(4).allSatisfy(form ->
                assertThat(form.getBindingType()).as(form.getFormId()).hasToString("deployment"));
    }

    private JsonNode form(String id) throws IOException {
        try (var in = getClass().getResourceAsStream("/bpmn/forms/" + id + ".form")) {
            assertThat(in).as("form %s", id).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void diagramShowsEveryElementAndFlow() {
        var shown = all(BpmnShape.class).stream()
                .filter(shape -> shape.getBpmnElement() instanceof FlowNode)
                .map(shape -> shape.getBpmnElement().getId())
                .toList();
        var drawn = all(BpmnEdge.class).stream()
                .peek(edge -> assertThat(edge.getWaypoints()).as(edge.getId()).hasSizeGreaterThanOrEqualTo(2))
                .map(edge -> edge.getBpmnElement().getId())
                .toList();

        assertThat(shown).containsExactlyInAnyOrderElementsOf(ids(all(FlowNode.class)));
        assertThat(drawn).containsExactlyInAnyOrderElementsOf(ids(all(SequenceFlow.class)));
    }

    @Test
    void readmeNamesOnlyElementsTheModelHas() {
        var modelIds = ids(all(FlowNode.class));
        var readmeIds = Stream.of("Job types", "Messages", "User tasks", "Timers")
                .flatMap(section -> readme.rows(section).stream())
                .flatMap(row -> row.stream().flatMap(cell -> ReadmeTables.codes(cell).stream()))
                .filter(code -> ELEMENT_ID.matcher(code).matches())
                .collect(Collectors.toSet());

        assertThat(modelIds).containsAll(readmeIds);
    }

    /** A timer's expression, whichever of duration and date it uses. */
    static String timerExpression(TimerEventDefinition timer) {
        var expression = timer.getTimeDuration() != null ? timer.getTimeDuration() : timer.getTimeDate();
        return expression == null ? "" : expression.getTextContent();
    }

    private static <T extends ModelElementInstance> Collection<T> all(Class<T> type) {
        return model.getModelElementsByType(type);
    }

    private static List<String> ids(Collection<? extends BaseElement> elements) {
        return elements.stream().map(BaseElement::getId).toList();
    }

    private static <T extends BpmnModelElementInstance> T extension(
            BaseElement element, Class<T> type) {
        return element.getSingleExtensionElement(type);
    }

    private static Collection<ZeebeExecutionListener> listeners(FlowNode node) {
        var listeners = extension(node, ZeebeExecutionListeners.class);
        return listeners == null ? List.of() : listeners.getExecutionListeners();
    }

    private static String camelCase(String kebab) {
        return Stream.of(kebab.split("-"))
                .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .collect(Collectors.joining());
    }
}
