package io.camunda.zeebe.process.test.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The embedded engine of zeebe-process-test, with one part exchanged: its state lives in RocksDB, the database the
 * Zeebe broker itself uses, instead of the library's in-memory database. That database copies all of its state into
 * a new map for every prefix scan and reads past the prefix to the end, so every step of every process costs in
 * proportion to everything the engine holds, and the service slowed down with each onboarding it had run (see
 * docs/adr/009-embedded-engine-state-in-rocksdb.md). Everything else, the log, the gateway, the job streamer, is the
 * library's own, assembled as its {@link EngineFactory} does; this class sits in the library's package because those
 * parts are package-private there.
 *
 * <p>The state is a throwaway, as before: a temporary directory, deleted when the engine stops.
 */
public final class RocksDbEngineFactory {

    /** Native memory for RocksDB's caches and write buffers unless told otherwise: plenty for trying the service. */
    public static final long DEFAULT_STATE_MEMORY_BYTES = 64L << 20;

    private static final int PARTITION_ID = 1;
    private static final int PARTITION_COUNT = 1;

    private RocksDbEngineFactory() {
    }

    /**
     * An engine whose gateway listens on {@code port} (0: a free port) and whose state lives in a new temporary
     * directory, limited to {@code memoryLimitBytes} of native memory for RocksDB's caches and write buffers.
     */
    public static ZeebeTestEngine create(int port, long memoryLimitBytes) {
        try {
            return create(port, memoryLimitBytes, Files.createTempDirectory("cso-engine-state-"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for the embedded engine's state", e);
        }
    }

    /** As {@link #create(int, long)}, with the state in {@code stateDirectory}, which the engine deletes on stop. */
    static ZeebeTestEngine create(int port, long memoryLimitBytes, Path stateDirectory) {
        int gatewayPort = port == 0 ? freePort() : port;

        ControlledActorClock clock = new ControlledActorClock();
        ActorScheduler scheduler = ActorScheduler.newActorScheduler().setActorClock(clock).build();
        scheduler.start();

        InMemoryLogStorage logStorage = new InMemoryLogStorage();
        LogStream logStream = LogStream.builder()
                .withPartitionId(PARTITION_ID).withLogStorage(logStorage).withClock(clock)
                .withMeterRegistry(new SimpleMeterRegistry()).build();

        CommandWriter commandWriter = new CommandWriter(logStream.newLogStreamWriter());
        CommandSender commandSender = new CommandSender(commandWriter);
        GatewayRequestStore requests = new GatewayRequestStore();
        InMemoryJobStreamer jobStreamer = new InMemoryJobStreamer(commandWriter);
        GrpcToLogStreamGateway gateway = new GrpcToLogStreamGateway(
                commandWriter, PARTITION_ID, PARTITION_COUNT, gatewayPort, requests, jobStreamer);
        Server grpcServer = ServerBuilder.forPort(gatewayPort).addService(gateway).build();
        GrpcResponseWriter responseWriter = new GrpcResponseWriter(gateway, requests, null);

        ZeebeDb<ZbColumnFamilies> database = rocksDb(stateDirectory, memoryLimitBytes);
        SecurityConfiguration security = new SecurityConfiguration();
        security.getAuthorizations().setEnabled(false);
        StreamProcessor streamProcessor = StreamProcessor.builder()
                .logStream(logStream)
                .zeebeDb(database)
                .commandResponseWriter(responseWriter)
                .partitionCommandSender(commandSender)
                .recordProcessors(List.of(new Engine(
                        context -> EngineProcessors.createEngineProcessors(context, PARTITION_COUNT,
                                new SubscriptionCommandSender(context.getPartitionId(), commandSender),
                                commandSender, FeatureFlags.createDefault(), jobStreamer, SearchClientsProxy.noop(),
                                new BrokerRequestAuthorizationConverter(security)),
                        new EngineConfiguration(), security)))
                .actorSchedulingService(scheduler)
                .clock(new ControllableStreamClockImpl(clock))
                .meterRegistry(new SimpleMeterRegistry())
                .build();

        InMemoryEngine engine = new InMemoryEngine(grpcServer, streamProcessor, gateway, database, logStream, scheduler,
                new RecordStreamSourceImpl(logStream.newLogStreamReader(), PARTITION_ID), clock,
                new EngineStateMonitor(logStorage, streamProcessor));
        return new StateDirectoryEngine(engine, stateDirectory);
    }

    private static ZeebeDb<ZbColumnFamilies> rocksDb(Path directory, long memoryLimitBytes) {
        RocksDbConfiguration configuration = new RocksDbConfiguration().setMemoryLimit(memoryLimitBytes);
        return new ZeebeRocksDbFactory<ZbColumnFamilies>(configuration, new ConsistencyChecksSettings(),
                new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, PARTITION_ID),
                SimpleMeterRegistry::new).createDb(directory.toFile());
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded engine", e);
        }
    }

    /** The library's engine, which also deletes the state directory once it has stopped and closed its database. */
    private record StateDirectoryEngine(ZeebeTestEngine engine, Path stateDirectory) implements ZeebeTestEngine {

        @Override
        public void start() {
            engine.start();
        }

        @Override
        public void stop() {
            try {
                engine.stop();
            } finally {
                deleteRecursively(stateDirectory);
            }
        }

        @Override
        public RecordStreamSource getRecordStreamSource() {
            return engine.getRecordStreamSource();
        }

        @Override
        @SuppressWarnings("deprecation")
        public ZeebeClient createClient() {
            return engine.createClient();
        }

        @Override
        @SuppressWarnings("deprecation")
        public ZeebeClient createClient(ObjectMapper objectMapper) {
            return engine.createClient(objectMapper);
        }

        @Override
        public String getGatewayAddress() {
            return engine.getGatewayAddress();
        }

        @Override
        public void increaseTime(Duration timeToAdd) {
            engine.increaseTime(timeToAdd);
        }

        @Override
        public void waitForIdleState(Duration timeout) throws InterruptedException, TimeoutException {
            engine.waitForIdleState(timeout);
        }

        @Override
        public void waitForBusyState(Duration timeout) throws InterruptedException, TimeoutException {
            engine.waitForBusyState(timeout);
        }

        private static void deleteRecursively(Path directory) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete the embedded engine's state in " + directory, e);
            }
        }
    }
}
