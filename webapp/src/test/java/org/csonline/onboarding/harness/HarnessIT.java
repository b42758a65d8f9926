package org.csonline.onboarding.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The harness the multi-process tests stand on: an engine in its own JVM, and the app jar in its own JVM. */
class HarnessIT {

    @Test
    void engineProcessAnswersOverGrpcAndItsClockMovesOnCommand() {
        try (EngineProcess engine = EngineProcess.start();
             CamundaClient client = CamundaClient.newClientBuilder()
                     .grpcAddress(URI.create(engine.grpcAddress()))
                     .preferRestOverGrpc(false)
                     .build()) {
            client.newDeployResourceCommand()
                    .addProcessModel(Bpmn.createExecutableProcess("harness-timer").startEvent()
                            .intermediateCatchEvent("Timer_Day", timer -> timer.timerWithDuration("P1D"))
                            .serviceTask("Task_AfterTimer", task -> task.zeebeJobType("harness-after-timer"))
                            .endEvent().done(), "harness-timer.bpmn")
                    .send().join();
            client.newCreateInstanceCommand().bpmnProcessId("harness-timer").latestVersion().send().join();
            assertThat(jobsAfterTimer(client)).as("a one-day timer is still waiting").isZero();

            engine.advanceClock(Duration.ofDays(2));

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int jobs = 0;
            while (jobs == 0 && System.nanoTime() < deadline) {
                jobs = jobsAfterTimer(client);
            }
            assertThat(jobs).as("the timer fired once the clock moved two days").isEqualTo(1);
        }
    }

    private static int jobsAfterTimer(CamundaClient client) {
        return client.newActivateJobsCommand().jobType("harness-after-timer").maxJobsToActivate(5)
                .requestTimeout(Duration.ofSeconds(1)).send().join().getJobs().size();
    }

    @Test
    void appProcessRunsTheCamundaProfileAgainstTheEngineProcessAndDiesOnKill() throws Exception {
        try (EngineProcess engine = EngineProcess.start();
             AppProcess app = AppProcess.builder()
                     .profile("camunda")
                     .property("camunda.client.grpc-address", engine.grpcAddress())
                     .property("camunda.client.rest-address", "http://127.0.0.1:" + ChildJvm.freeLoopbackPort())
                     .property("camunda.client.prefer-rest-over-grpc", "false")
                     .property("camunda.client.auth.method", "none")
                     .property("cso.security.code-hash-key", "harness-test-key-harness-test-key")
                     // Outside the local profile the providers are required (issue 8); this test sends nothing.
                     .property("cso.sendgrid.api-key", "SG.harness")
                     .property("cso.sendgrid.from-email", "noreply@harness.example")
                     .property("cso.sendgrid.api-base-url", "http://127.0.0.1:" + ChildJvm.freeLoopbackPort())
                     .property("cso.twilio.account-sid", "AC0123456789abcdef0123456789abcdef")
                     .property("cso.twilio.auth-token", "harness")
                     .property("cso.twilio.verify-service-sid", "VA0123456789abcdef0123456789abcdef")
                     .property("cso.twilio.api-base-url", "http://127.0.0.1:" + ChildJvm.freeLoopbackPort())
                     .start()) {
            HttpResponse<String> home = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(app.baseUrl() + "/staff/sign-in")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("Sign in");

            app.kill();

            assertThat(app.isAlive()).isFalse();
            assertThat(engine.isAlive()).as("the engine outlives the app").isTrue();
        }
    }
}
