package org.csonline.onboarding.benchmark;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline of the journey benchmark: the bare embedded engine, with no app, running a process with as many jobs
 * and messages per instance as one journey, as fast as it goes with the same client settings as the app (streamed
 * jobs, 4 execution threads). Runs in a JVM of its own on the app jar's class path, so it measures the engine the app
 * ships. Prints one line {@code BASELINE instances/s=... ...} that the simulation reads.
 *
 * <p>Arguments: jobs, messages, in-flight instances, warm-up (ISO-8601), duration (ISO-8601).
 */
public final class EngineBaseline {

    private static final String JOB_TYPE = "baseline-step";
    private static final String PUBLISH_HEADER = "publish";
    private static final String APP_ENGINE_FACTORY = "io.camunda.zeebe.process.test.engine.RocksDbEngineFactory";
    private static final long ENGINE_MEMORY_BYTES = 64L * 1024 * 1024;

    private EngineBaseline() {
    }

    public static void main(String[] args) throws Exception {
        int jobs = Integer.parseInt(args[0]);
        int messages = Integer.parseInt(args[1]);
        int inFlight = Integer.parseInt(args[2]);
        Duration warmup = Duration.parse(args[3]);
        Duration duration = Duration.parse(args[4]);
        ZeebeTestEngine engine = Boolean.getBoolean("bench.baseline.library-engine") ? EngineFactory.create() : appEngine();
        engine.start();
        try (CamundaClient client = CamundaClient.newClientBuilder()
                .grpcAddress(URI.create("http://" + engine.getGatewayAddress()))
                .preferRestOverGrpc(false).numJobWorkerExecutionThreads(4).build()) {
            client.newDeployResourceCommand().addProcessModel(model(jobs, messages), "baseline.bpmn").send().join();
            try (JobWorker worker = worker(client)) {
                Result result = run(client, inFlight, warmup, duration);
                System.out.printf("BASELINE instances/s=%.2f jobs=%d messages=%d in-flight=%d instances=%d errors=%d%n",
                        result.perSecond(), jobs, messages, inFlight, result.completed(), result.errors());
                System.out.flush();
            }
        } finally {
            engine.stop();
            // The engine library keeps non-daemon threads and a static timer that can hold the JVM open.
            System.exit(0);
        }
    }

    /**
     * The engine the app's local profile starts: the library's engine with its state in RocksDB. The factory lives
     * in the app jar (found here on its class path, so by name), not in a library the benchmark compiles against.
     */
    private static ZeebeTestEngine appEngine() throws ReflectiveOperationException {
        return (ZeebeTestEngine) Class.forName(APP_ENGINE_FACTORY).getMethod("create", int.class, long.class)
                .invoke(null, 0, ENGINE_MEMORY_BYTES);
    }

    record Result(double perSecond, long completed, long errors) {
    }

    /**
     * A chain of {@code jobs} service tasks with {@code messages} message catch events spread among them; the task
     * before each catch event publishes its message, as the app publishes a message when a page is submitted.
     */
    static BpmnModelInstance model(int jobs, int messages) {
        AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess("baseline").startEvent();
        int published = 0;
        for (int job = 0; job < jobs; job++) {
            // message i waits after task (i + 1) * jobs / (messages + 1) - 1: spread evenly along the chain
            boolean publishAfter = published < messages && job == (published + 1) * jobs / (messages + 1) - 1;
            String message = "m" + published;
            flow = flow.serviceTask("task" + job, t -> {
                t.zeebeJobType(JOB_TYPE);
                if (publishAfter) {
                    t.zeebeTaskHeader(PUBLISH_HEADER, message);
                }
            });
            if (publishAfter) {
                flow = flow.intermediateCatchEvent("catch-" + message)
                        .message(m -> m.name(message).zeebeCorrelationKeyExpression("id"));
                published++;
            }
        }
        return flow.endEvent().done();
    }

    private static JobWorker worker(CamundaClient client) {
        return client.newWorker().jobType(JOB_TYPE).handler((jobClient, job) -> {
            String message = job.getCustomHeaders().get(PUBLISH_HEADER);
            if (message != null) {
                String id = (String) job.getVariablesAsMap().get("id");
                client.newPublishMessageCommand().messageName(message).correlationKey(id)
                        .messageId(id + ":" + message).timeToLive(Duration.ofSeconds(10)).send().join();
            }
            jobClient.newCompleteCommand(job).send().join();
        }).streamEnabled(true).open();
    }

    private static Result run(CamundaClient client, int inFlight, Duration warmup, Duration duration)
            throws InterruptedException {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ExecutorService starters = Executors.newFixedThreadPool(inFlight);
        for (int i = 0; i < inFlight; i++) {
            starters.submit(() -> {
                while (!stop.get()) {
                    try {
                        client.newCreateInstanceCommand().bpmnProcessId("baseline").latestVersion()
                                .variables(Map.of("id", UUID.randomUUID().toString()))
                                .withResult().requestTimeout(Duration.ofSeconds(60)).send().join();
                        if (measuring.get()) {
                            completed.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        if (measuring.get()) {
                            errors.incrementAndGet();
                        }
                    }
                }
            });
        }
        Thread.sleep(warmup.toMillis());
        long start = System.nanoTime();
        measuring.set(true);
        Thread.sleep(duration.toMillis());
        measuring.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        long done = completed.get();
        stop.set(true);
        starters.shutdown();
        starters.awaitTermination(70, TimeUnit.SECONDS);
        return new Result(done / seconds, done, errors.get());
    }

}
