package org.csonline.onboarding.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.MessageRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.csonline.onboarding.onboarding.OnboardingRepository;
import org.csonline.onboarding.support.MutableClock;
import org.csonline.onboarding.support.Onboardings;
import org.csonline.onboarding.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/** The relay against the real engine (in memory) and a real database: order, retries, several relays, repeats. */
class ProcessCommandRelayTest {

    static ZeebeTestEngine engine;
    static CamundaClient client;

    MutableClock clock = new MutableClock();
    ProcessCommandProperties properties = ProcessCommandProperties.defaults();
    JdbcClient jdbc;
    TransactionTemplate transaction;
    ProcessCommandStore store;
    OnboardingRepository onboardings;
    OnboardingProcess process;

    @BeforeAll
    static void startEngine() {
        engine = EngineFactory.create();
        engine.start();
        client = clientFor(engine.getGatewayAddress());
        // Two messages in a row, as the onboarding model's applicant steps are.
        BpmnModelInstance model = Bpmn.createExecutableProcess(OnboardingProcess.PROCESS_ID).startEvent()
                .intermediateCatchEvent("Event_EmailVerified").message(m -> m.name("email-verified")
                        .zeebeCorrelationKeyExpression("onboardingId"))
                .intermediateCatchEvent("Event_AccountDetailsSubmitted").message(m -> m.name("account-details-submitted")
                        .zeebeCorrelationKeyExpression("onboardingId"))
                .endEvent().done();
        client.newDeployResourceCommand().addProcessModel(model, "relay-test.bpmn").send().join();
    }

    @AfterAll
    static void stopEngine() {
        client.close();
        engine.stop();
    }

    static CamundaClient clientFor(String address) {
        return CamundaClient.newClientBuilder().grpcAddress(URI.create(address.startsWith("http") ? address
                        : "http://" + address)).preferRestOverGrpc(false).defaultRequestTimeout(Duration.ofSeconds(5))
                .build();
    }

    @BeforeEach
    void database() {
        DataSource dataSource = TestDatabase.dataSource();
        jdbc = JdbcClient.create(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        store = new ProcessCommandStore(jdbc);
        onboardings = new OnboardingRepository(jdbc, clock);
        process = new OnboardingProcess(store, event -> { }, clock);
    }

    ProcessCommandRelay relay(CamundaClient to) {
        ProcessProperties timing = new ProcessProperties(null, null, null, Duration.ofHours(1), null, null, null);
        return new ProcessCommandRelay(store, onboardings, process, to, timing, properties, transaction, clock);
    }

    /** What a page does: its change and its commands in one transaction. */
    UUID startedOnboarding() {
        UUID id = Onboardings.anOnboarding(jdbc, "sam-" + UUID.randomUUID() + "@example.org");
        transaction.executeWithoutResult(status -> {
            process.start(id, Map.of());
            process.publish(ProcessMessage.EMAIL_VERIFIED, id, "1", Map.of());
            process.publish(ProcessMessage.ACCOUNT_DETAILS_SUBMITTED, id, "1", Map.of());
        });
        return id;
    }

    static void drain(ProcessCommandRelay relay, ProcessCommandStore store) {
        for (int round = 0; round < 50 && store.backlog().pending() > 0; round++) {
            relay.relayOnce();
        }
    }

    @Test
    void startsEachOnboardingAndSendsItsMessagesInTheOrderWritten() {
        List<UUID> ids = List.of(startedOnboarding(), startedOnboarding(), startedOnboarding());
        ProcessCommandRelay relay = relay(client);

        assertThat(store.claimHeads("look", clock.instant(), clock.instant(), 50)).as("only each onboarding's first")
                .hasSize(3).allMatch(c -> c.kind() == ProcessCommand.Kind.START);
        clock.advance(Duration.ofSeconds(1));
        drain(relay, store);

        assertThat(store.backlog().pending()).isZero();
        for (UUID id : ids) {
            long key = jdbc.sql("select process_instance_key from onboarding where id = ?").param(id)
                    .query(Long.class).single();
            assertThat(completedInstances()).contains(key);
            assertThat(store.forOnboarding(id)).extracting(ProcessCommand::kind).containsExactly(
                    ProcessCommand.Kind.START, ProcessCommand.Kind.PUBLISH, ProcessCommand.Kind.PUBLISH);
        }
    }

    @Test
    void aCommandIsWrittenOnlyInTheTransactionOfTheChangeThatCausesIt() {
        UUID id = Onboardings.anOnboarding(jdbc, "sam@example.org");
        assertThatThrownBy(() -> process.publish(ProcessMessage.EMAIL_VERIFIED, id, "1", Map.of()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            process.publish(ProcessMessage.EMAIL_VERIFIED, id, "1", Map.of());
            throw new IllegalStateException("the page's own change failed");
        })).hasMessageContaining("page's own change");
        assertThat(store.backlog().pending()).as("rolled back with the page's change").isZero();
    }

    @Test
    void whileTheEngineIsAwayCommandsWaitWithBackoffAndAreSentWhenItIsBack() throws Exception {
        UUID id = startedOnboarding();
        try (CamundaClient unreachable = clientFor("http://127.0.0.1:" + freePort())) {
            ProcessCommandRelay away = relay(unreachable);
            away.relayOnce();
            assertThat(away.contact().failing()).isTrue();
            assertThat(store.backlog().oldestAttempts()).isEqualTo(1);
            assertThat(away.relayOnce()).as("backing off: nothing due").isZero();
            clock.advance(Duration.ofSeconds(1));
            away.relayOnce();
            assertThat(store.backlog().oldestAttempts()).isEqualTo(2);
            assertThat(store.backlog().pending()).isEqualTo(3);
        }
        clock.advance(Duration.ofSeconds(2));
        ProcessCommandRelay back = relay(client);
        drain(back, store);
        assertThat(store.backlog().pending()).isZero();
        long key = jdbc.sql("select process_instance_key from onboarding where id = ?").param(id)
                .query(Long.class).single();
        assertThat(completedInstances()).contains(key);
    }

    @Test
    void backoffGrowsToItsLongest() {
        assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.backoffAfter(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(properties.backoffAfter(5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.backoffAfter(50)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void severalRelaysOnOneDatabaseSendEachCommandOnce() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(startedOnboarding());
        }
        List<ProcessCommandRelay> relays = List.of(relay(client), relay(client), relay(client));
        ExecutorService pool = Executors.newFixedThreadPool(relays.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (ProcessCommandRelay relay : relays) {
                running.add(pool.submit(() -> drain(relay, store)));
            }
            for (Future<?> f : running) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.backlog().pending()).isZero();
        Set<String> started = processInstancesOf(ids);
        assertThat(started).as("one instance per onboarding").hasSize(20);
        assertThat(createdInstancesFor(ids)).as("no onboarding started twice").isEqualTo(20);
    }

    @Test
    void aClaimWhoseRelayDiedIsTakenOverAfterItsLease() {
        startedOnboarding();
        store.claimHeads("relay-that-died", clock.instant(), clock.instant().plus(properties.claimTimeout()), 50);
        ProcessCommandRelay live = relay(client);
        assertThat(live.relayOnce()).as("claimed by the other").isZero();
        clock.advance(properties.claimTimeout().plusSeconds(1));
        drain(live, store);
        assertThat(store.backlog().pending()).isZero();
    }

    @Test
    void anAcknowledgementTheDatabaseMissedIsWrittenFirstSoTheNextCommandDoesNotWaitForTheLease() {
        UUID id = startedOnboarding();
        AtomicBoolean databaseAway = new AtomicBoolean();
        TransactionTemplate failing = new TransactionTemplate(transaction.getTransactionManager()) {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                if (databaseAway.get()) {
                    throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
                }
                return super.execute(action);
            }
        };
        ProcessCommandRelay relay = new ProcessCommandRelay(store, onboardings, process, client,
                new ProcessProperties(null, null, null, Duration.ofHours(1), null, null, null),
                properties, failing, clock);

        databaseAway.set(true);
        relay.relayOnce();
        assertThat(store.forOnboarding(id)).as("the engine started it, the database did not hear").hasSize(3);
        assertThat(store.backlog().pending()).isEqualTo(3);

        databaseAway.set(false);
        relay.relayOnce();
        relay.relayOnce();
        relay.relayOnce();

        assertThat(store.backlog().pending()).as("all sent within the lease of the first").isZero();
        long key = jdbc.sql("select process_instance_key from onboarding where id = ?").param(id)
                .query(Long.class).single();
        assertThat(completedInstances()).contains(key);
    }

    @Test
    void aMessagePublishedTwiceIsOneMessageAndBothCommandsAreDone() throws Exception {
        UUID id = startedOnboarding();
        transaction.executeWithoutResult(status ->
                process.publish(ProcessMessage.EMAIL_VERIFIED, id, "1", Map.of()));
        drain(relay(client), store);
        assertThat(store.backlog().pending()).isZero();
        engine.waitForIdleState(Duration.ofSeconds(10));
        long published = ProcessCommandRelayTest.<MessageRecordValue>records(ValueType.MESSAGE).stream()
                .filter(r -> r.getIntent() == MessageIntent.PUBLISHED)
                .filter(r -> r.getValue().getMessageId().equals(id + ":email-verified:1")).count();
        assertThat(published).isEqualTo(1);
    }

    @Test
    void aStartSentTwiceLeavesOneInstanceTheOtherIsCancelled() {
        UUID id = startedOnboarding();
        // The first start reached the engine but its answer was lost: the relay sends it again.
        transaction.executeWithoutResult(status -> process.start(id, Map.of()));
        drain(relay(client), store);

        assertThat(store.backlog().pending()).isZero();
        List<ProcessCommand> commands = store.forOnboarding(id);
        assertThat(commands).extracting(ProcessCommand::kind).containsExactly(ProcessCommand.Kind.START,
                ProcessCommand.Kind.PUBLISH, ProcessCommand.Kind.PUBLISH, ProcessCommand.Kind.START,
                ProcessCommand.Kind.CANCEL);
        long kept = jdbc.sql("select process_instance_key from onboarding where id = ?").param(id)
                .query(Long.class).single();
        long cancelled = commands.getLast().processInstanceKey();
        assertThat(cancelled).isNotEqualTo(kept);
        assertThat(terminatedInstances()).contains(cancelled).doesNotContain(kept);
    }

    @Test
    void theFirstStepOfASecondInstanceCancelsItAndTheFirstInstanceGoesOn() {
        UUID id = Onboardings.anOnboarding(jdbc, "sam@example.org");
        long first = client.newCreateInstanceCommand().bpmnProcessId(OnboardingProcess.PROCESS_ID).latestVersion()
                .variables(Map.of("onboardingId", id.toString())).send().join().getProcessInstanceKey();
        long second = client.newCreateInstanceCommand().bpmnProcessId(OnboardingProcess.PROCESS_ID).latestVersion()
                .variables(Map.of("onboardingId", id.toString())).send().join().getProcessInstanceKey();
        ProcessInstanceGuard guard = new ProcessInstanceGuard(onboardings, client);

        assertThat(guard.isOnboardingsInstance(id, first)).isTrue();
        assertThat(guard.isOnboardingsInstance(id, second)).isFalse();
        assertThat(guard.isOnboardingsInstance(id, first)).as("asked again").isTrue();
        assertThat(terminatedInstances()).contains(second).doesNotContain(first);
    }

    @Test
    void acknowledgedCommandsAreKeptForTheirTimeThenDeleted() {
        startedOnboarding();
        ProcessCommandRelay relay = relay(client);
        drain(relay, store);
        int done = jdbc.sql("select count(*) from process_command").query(Integer.class).single();
        assertThat(done).isEqualTo(3);
        assertThat(store.deleteDoneBefore(clock.instant().minus(properties.keepDone()))).isZero();
        clock.advance(properties.keepDone().plusMinutes(1));
        relay.relayOnce();
        assertThat(jdbc.sql("select count(*) from process_command").query(Integer.class).single()).isZero();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends io.camunda.zeebe.protocol.record.RecordValue> List<Record<T>> records(ValueType type) {
        return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false)
                .filter(r -> r.getValueType() == type).map(r -> (Record<T>) r).toList();
    }

    private static List<Long> instancesWith(ProcessInstanceIntent intent) {
        try {
            engine.waitForIdleState(Duration.ofSeconds(10));
        } catch (Exception e) {
            throw new AssertionError("The engine did not settle", e);
        }
        return ProcessCommandRelayTest.<ProcessInstanceRecordValue>records(ValueType.PROCESS_INSTANCE).stream()
                .filter(r -> r.getIntent() == intent)
                .filter(r -> r.getValue().getBpmnElementType() == BpmnElementType.PROCESS)
                .map(r -> r.getValue().getProcessInstanceKey()).toList();
    }

    private static List<Long> completedInstances() {
        return instancesWith(ProcessInstanceIntent.ELEMENT_COMPLETED);
    }

    private static List<Long> terminatedInstances() {
        return instancesWith(ProcessInstanceIntent.ELEMENT_TERMINATED);
    }

    private Set<String> processInstancesOf(List<UUID> ids) {
        return ids.stream().map(id -> jdbc.sql("select process_instance_key from onboarding where id = ?")
                .param(id).query(Long.class).single()).map(String::valueOf).collect(Collectors.toSet());
    }

    /** Instances the engine activated whose onboardingId is one of ids. */
    private static long createdInstancesFor(List<UUID> ids) {
        Set<String> wanted = ids.stream().map(UUID::toString).collect(Collectors.toSet());
        return ProcessCommandRelayTest.<io.camunda.zeebe.protocol.record.value.ProcessInstanceCreationRecordValue>records(
                        ValueType.PROCESS_INSTANCE_CREATION).stream()
                .filter(r -> r.getIntent() == io.camunda.zeebe.protocol.record.intent.ProcessInstanceCreationIntent.CREATED)
                .filter(r -> wanted.contains(String.valueOf(r.getValue().getVariables().get("onboardingId"))))
                .count();
    }
}
