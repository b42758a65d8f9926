package org.csonline.onboarding.process;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which flow nodes and sequence flows of the current model the process tests took, over all test classes of the
 * run. {@link ModelCoverageExtension} feeds it; {@link ModelCoverageReport} writes and prints it at the end.
 */
final class ModelCoverage {

    static final Path REPORT = Path.of("target", "model-coverage.txt");
    static final double MIN_FLOW_NODES = 1.00;
    static final double MIN_SEQUENCE_FLOWS = 0.95;

    private static final SortedSet<String> TAKEN_NODES = new TreeSet<>();
    private static final SortedSet<String> TAKEN_FLOWS = new TreeSet<>();

    private ModelCoverage() {}

    static synchronized void took(Collection<String> nodes, Collection<String> flows) {
        TAKEN_NODES.addAll(nodes);
        TAKEN_FLOWS.addAll(flows);
    }

    static synchronized boolean anything() {
        return !TAKEN_NODES.isEmpty();
    }

    /** The report as text, from the model on the classpath and what the tests took. */
    static synchronized String report() {
        BpmnModelInstance model =
                Bpmn.readModelFromStream(ModelCoverage.class.getResourceAsStream("/bpmn/cso-onboarding.bpmn"));
        Set<String> nodes = ids(model.getModelElementsByType(FlowNode.class));
        Set<String> flows = ids(model.getModelElementsByType(SequenceFlow.class));
        var missedNodes = new TreeSet<>(nodes);
        missedNodes.removeAll(TAKEN_NODES);
        var missedFlows = new TreeSet<>(flows);
        missedFlows.removeAll(TAKEN_FLOWS);
        // The engine writes no "sequence flow taken" after an event-based gateway: it activates the event that fired.
        for (var flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (flow.getSource() instanceof EventBasedGateway && TAKEN_NODES.contains(flow.getTarget().getId())) {
                missedFlows.remove(flow.getId());
            }
        }
        var out = new StringBuilder();
        out.append("Model coverage of cso-onboarding.bpmn (all process test classes)\n");
        out.append(line("flow nodes", nodes.size() - missedNodes.size(), nodes.size(), MIN_FLOW_NODES));
        out.append(line("sequence flows", flows.size() - missedFlows.size(), flows.size(), MIN_SEQUENCE_FLOWS));
        out.append("not taken: flow nodes ").append(missedNodes).append('\n');
        out.append("not taken: sequence flows ").append(missedFlows).append('\n');
        return out.toString();
    }

    static void write(String report) {
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(String what, int taken, int total, double minimum) {
        return "%s: %d of %d taken (%.1f%%, minimum %.0f%%)%n"
                .formatted(what, taken, total, 100.0 * taken / total, 100 * minimum);
    }

    private static Set<String> ids(Collection<? extends BaseElement> elements) {
        return elements.stream().map(BaseElement::getId).collect(Collectors.toSet());
    }
}
