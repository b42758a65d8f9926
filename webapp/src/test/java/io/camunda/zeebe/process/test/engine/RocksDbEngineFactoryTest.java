package io.camunda.zeebe.process.test.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine the local profile runs: the library's engine with its state in RocksDB on disk. */
class RocksDbEngineFactoryTest {

    private static final BpmnModelInstance JOB_MESSAGE_TIMER = Bpmn.createExecutableProcess("job-message-timer")
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType("work"))
            .intermediateCatchEvent("go", e -> e.message(m -> m.name("go").zeebeCorrelationKeyExpression("key")))
            .intermediateCatchEvent("wait", e -> e.timerWithDuration("PT1H"))
            .endEvent()
            .done();

    @TempDir
    Path temp;

    @Test
    void runsJobsMessagesAndTimersWithItsStateOnDiskAndDeletesTheStateWhenItStops() throws Exception {
        Path state = Files.createDirectory(temp.resolve("state"));
        ZeebeTestEngine engine = RocksDbEngineFactory.create(0, 16L << 20, state);
        engine.start();
        try (CamundaClient client = CamundaClient.newClientBuilder()
                .grpcAddress(URI.create("http://" + engine.getGatewayAddress())).preferRestOverGrpc(false).build()) {
            client.newDeployResourceCommand().addProcessModel(JOB_MESSAGE_TIMER, "p.bpmn").send().join();
            client.newPublishMessageCommand().messageName("go").correlationKey("k1")
                    .timeToLive(Duration.ofMinutes(10)).send().join();
            CompletableFuture<ProcessInstanceResult> result = client.newCreateInstanceCommand()
                    .bpmnProcessId("job-message-timer").latestVersion().variables(Map.of("key", "k1"))
                    .withResult().requestTimeout(Duration.ofSeconds(30)).send().toCompletableFuture();

            ActivatedJob job = activateOne(client);
            client.newCompleteCommand(job).variables(Map.of("worked", true)).send().join();
            engine.waitForIdleState(Duration.ofSeconds(10));
            assertThat(result).isNotDone();   // the timer holds it
            engine.increaseTime(Duration.ofHours(2));

            assertThat(result.get(30, TimeUnit.SECONDS).getVariablesAsMap()).containsEntry("worked", true);
            assertThat(state.resolve("CURRENT")).as("RocksDB's files in the state directory").exists();
        } finally {
            engine.stop();
        }
        assertThat(state).doesNotExist();
    }

    private static ActivatedJob activateOne(CamundaClient client) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType("work").maxJobsToActivate(1)
                    .send().join().getJobs();
            if (!jobs.isEmpty()) {
                return jobs.getFirst();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no job 'work' within 50 tries");
    }
}
