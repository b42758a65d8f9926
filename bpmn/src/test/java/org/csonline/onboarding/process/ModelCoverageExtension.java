package org.csonline.onboarding.process;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.deployment.Process;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After each process test, collects the elements and sequence flows its engine took in the current model (not in
 * an older released version a test deployed too). Put it after {@code @ZeebeProcessTest} so it runs while the
 * engine is still up.
 */
final class ModelCoverageExtension implements AfterEachCallback {

    private static final String CURRENT_MODEL = "bpmn/cso-onboarding.bpmn";

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        ZeebeTestEngine engine = engineOf(context.getRequiredTestInstance());
        if (engine == null) {
            return;
        }
        List<Record<?>> records = new ArrayList<>();
        RecordStream.of(engine.getRecordStreamSource()).records().forEach(records::add);
        Set<Long> current = records.stream()
                .filter(record -> record.getValueType() == ValueType.PROCESS)
                .map(record -> (Process) record.getValue())
                .filter(process -> process.getResourceName().equals(CURRENT_MODEL))
                .map(Process::getProcessDefinitionKey)
                .collect(Collectors.toSet());
        var taken = records.stream()
                .filter(record -> record.getValueType() == ValueType.PROCESS_INSTANCE)
                .filter(record -> record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED
                        || record.getIntent() == ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN)
                .map(record -> (ProcessInstanceRecordValue) record.getValue())
                .filter(value -> current.contains(value.getProcessDefinitionKey()))
                .filter(value -> value.getBpmnElementType() != BpmnElementType.PROCESS)
                .toList();
        ModelCoverage.took(
                taken.stream().filter(value -> value.getBpmnElementType() != BpmnElementType.SEQUENCE_FLOW)
                        .map(ProcessInstanceRecordValue::getElementId).toList(),
                taken.stream().filter(value -> value.getBpmnElementType() == BpmnElementType.SEQUENCE_FLOW)
                        .map(ProcessInstanceRecordValue::getElementId).toList());
    }

    private static ZeebeTestEngine engineOf(Object testInstance) throws IllegalAccessException {
        for (Class<?> type = testInstance.getClass(); type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (ZeebeTestEngine.class.isAssignableFrom(field.getType())) {
                    field.setAccessible(true);
                    return (ZeebeTestEngine) field.get(testInstance);
                }
            }
        }
        return null;
    }

}
