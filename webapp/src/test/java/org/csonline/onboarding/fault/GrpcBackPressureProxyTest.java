package org.csonline.onboarding.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The back-pressure proxy forwards the gateway's calls unchanged and pushes back on every n-th chosen one. */
class GrpcBackPressureProxyTest {

    static ZeebeTestEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = EngineFactory.create();
        engine.start();
    }

    @AfterAll
    static void stopEngine() {
        engine.stop();
    }

    static int enginePort() {
        String address = engine.getGatewayAddress();
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    @Test
    void forwardsCallsAndAnswersEveryNthChosenOneWithResourceExhausted() {
        try (GrpcBackPressureProxy proxy = GrpcBackPressureProxy.to(enginePort(), Set.of("CreateProcessInstance"), 2);
             CamundaClient client = CamundaClient.newClientBuilder().grpcAddress(URI.create(proxy.grpcAddress()))
                     .preferRestOverGrpc(false).defaultRequestTimeout(Duration.ofSeconds(10)).build()) {
            client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("proxied").startEvent()
                    .endEvent().done(), "proxied.bpmn").send().join();
            // A large request too, over HTTP/2's first flow-control window (64 KB), as the onboarding model is.
            io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder<?, ?> large =
                    Bpmn.createExecutableProcess("proxied-large").startEvent();
            for (int i = 0; i < 300; i++) {
                int n = i;
                large = large.serviceTask("Task_" + n, task -> task.zeebeJobType("large-" + n));
            }
            var model = large.endEvent().done();
            assertThat(io.camunda.zeebe.model.bpmn.Bpmn.convertToString(model).length()).isGreaterThan(65_536);
            client.newDeployResourceCommand().addProcessModel(model, "proxied-large.bpmn").send().join();
            assertThat(client.newCreateInstanceCommand().bpmnProcessId("proxied").latestVersion().send().join()
                    .getProcessInstanceKey()).isPositive();
            assertThatThrownBy(() -> client.newCreateInstanceCommand().bpmnProcessId("proxied").latestVersion()
                    .send().join()).hasRootCauseMessage("RESOURCE_EXHAUSTED: Expected to handle gRPC request, but "
                    + "request could not be processed (injected back-pressure)");
            assertThat(proxy.rejected()).isEqualTo(1);
            assertThat(proxy.calls()).isEqualTo(2);
        }
    }
}
