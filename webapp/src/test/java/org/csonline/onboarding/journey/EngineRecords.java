package org.csonline.onboarding.journey;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordValue;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.MessageRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import java.util.Optional;
import java.util.List;
import java.util.stream.StreamSupport;

/** What the embedded engine did, read from its record stream (tests only: the app never reads it). */
final class EngineRecords {

    private final ZeebeTestEngine engine;

    EngineRecords(ZeebeTestEngine engine) {
        this.engine = engine;
    }

    private List<Record<?>> all() {
        return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false).toList();
    }

    @SuppressWarnings("unchecked")
    <T extends RecordValue> List<Record<T>> of(ValueType type, Intent intent) {
        return all().stream().filter(r -> r.getValueType() == type && r.getIntent() == intent)
                .map(r -> (Record<T>) r).toList();
    }

    List<Record<JobRecordValue>> jobs(long processInstanceKey, String type, JobIntent intent) {
        return this.<JobRecordValue>of(ValueType.JOB, intent).stream()
                .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
                .filter(r -> r.getValue().getType().equals(type)).toList();
    }

    List<Record<IncidentRecordValue>> incidents(long processInstanceKey) {
        return this.<IncidentRecordValue>of(ValueType.INCIDENT, IncidentIntent.CREATED).stream()
                .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey).toList();
    }

    List<Record<MessageRecordValue>> messages(String name, String correlationKey) {
        return this.<MessageRecordValue>of(ValueType.MESSAGE, MessageIntent.PUBLISHED).stream()
                .filter(r -> r.getValue().getName().equals(name))
                .filter(r -> r.getValue().getCorrelationKey().equals(correlationKey)).toList();
    }

    /** The last value the instance gave a variable (JSON, as the engine keeps it). */
    Optional<String> variable(long processInstanceKey, String name) {
        return all().stream().filter(r -> r.getValueType() == ValueType.VARIABLE)
                .filter(r -> r.getIntent() == VariableIntent.CREATED || r.getIntent() == VariableIntent.UPDATED)
                .map(r -> (VariableRecordValue) r.getValue())
                .filter(v -> v.getProcessInstanceKey() == processInstanceKey && v.getName().equals(name))
                .reduce((first, second) -> second).map(VariableRecordValue::getValue);
    }

    boolean reached(long processInstanceKey, String elementId) {
        return this.<ProcessInstanceRecordValue>of(ValueType.PROCESS_INSTANCE, ProcessInstanceIntent.ELEMENT_ACTIVATED)
                .stream().anyMatch(r -> r.getValue().getProcessInstanceKey() == processInstanceKey
                        && r.getValue().getElementId().equals(elementId));
    }
}
