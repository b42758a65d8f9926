package org.csonline.onboarding.journey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.csonline.onboarding.harness.AppProcess;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the fault tests run: a file database served by H2 over TCP from this JVM (so a proxy can cut the app off it,
 * and a killed app finds its data again), the engine in its own process (harness), WireMock playing SendGrid and
 * Twilio Verify (the camunda profile has no stand-ins), and the app jar in the {@code camunda} profile, reaching all
 * of them over loopback.
 */
final class FaultStack implements AutoCloseable {

    static final String CODE_HASH_KEY = "fault-test-key-fault-test-key-fault";
    static final String SERVICE = "VA0123456789abcdef0123456789abcdef";
    static final String VERIFICATIONS = "/v2/Services/" + SERVICE + "/Verifications";
    static final String CHECK = "/v2/Services/" + SERVICE + "/VerificationCheck";
    /** The code Twilio Verify (WireMock) approves; it never leaves Twilio in real life, so the test knows it. */
    static final String PHONE_CODE = "493027";
    /** The relay's lease on a command (default a minute): a claim made as the database went away lapses after it. */
    static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(20);

    final WireMockServer sendGrid = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
            .containerThreads(40));
    final WireMockServer twilio = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
            .containerThreads(40));
    private final Server database;
    private final String databaseName = "cso-" + UUID.randomUUID();

    FaultStack() {
        try {
            Path directory = Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target", "fault-db"));
            database = Server.createTcpServer("-tcpPort", Integer.toString(freePort()), "-baseDir",
                    directory.toAbsolutePath().toString(), "-ifNotExists").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        sendGrid.start();
        twilio.start();
        sendGrid.stubFor(post("/v3/mail/send").willReturn(aResponse().withStatus(202)));
        twilio.stubFor(post(VERIFICATIONS).willReturn(twilioVerification(201, "pending")));
        twilio.stubFor(post(CHECK).willReturn(twilioVerification(200, "pending")));
        twilio.stubFor(post(CHECK).withFormParam("Code", equalTo(PHONE_CODE))
                .willReturn(twilioVerification(200, "approved")));
    }

    private static ResponseDefinitionBuilder twilioVerification(int status, String state) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"sid": "VE0123456789abcdef0123456789abcdef", "service_sid": "%s", "to": "+447400765432",
                 "channel": "sms", "status": "%s", "valid": %s}""".formatted(SERVICE, state, state.equals("approved")));
    }

    int databasePort() {
        return database.getPort();
    }

    /** The JDBC URL of the database through the given port (the server's own, or a proxy's). */
    String databaseUrl(int port) {
        // Kept open while no connection is left (the app killed, a cut): closing and reopening the file under load
        // has corrupted H2's store ("Double mark") in a restart.
        return "jdbc:h2:tcp://127.0.0.1:" + port + "/./" + databaseName + ";DB_CLOSE_DELAY=-1";
    }

    /** The test's own view of the database, past any proxy. */
    JdbcClient jdbc() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(databaseUrl(databasePort()));
        dataSource.setUser("sa");
        return JdbcClient.create(dataSource);
    }

    /** The app in the camunda profile against the engine at {@code grpcAddress} and the database on {@code dbPort}. */
    AppProcess.Builder app(String grpcAddress, int dbPort) {
        return AppProcess.builder()
                .profile("camunda")
                // Ready once started (after the model is deployed), not when the web server first answers.
                .readyPath("/actuator/health/readiness")
                .property("spring.datasource.url", databaseUrl(dbPort))
                .property("camunda.client.grpc-address", grpcAddress)
                .property("camunda.client.rest-address", "http://127.0.0.1:" + freePort())
                .property("camunda.client.prefer-rest-over-grpc", "false")
                .property("camunda.client.auth.method", "none")
                // The first deployment to a cold engine on a busy machine can take longer than the default 10 s.
                .property("camunda.client.request-timeout", "PT30S")
                // A job whose completion was lost in a cut is activated again after this (default 5 minutes).
                .property("camunda.client.worker.defaults.timeout", "PT15S")
                .property("cso.security.code-hash-key", CODE_HASH_KEY)
                .property("cso.sendgrid.api-key", "SG.fault-test")
                .property("cso.sendgrid.from-email", "noreply@norfolk.example")
                .property("cso.sendgrid.api-base-url", sendGrid.baseUrl())
                .property("cso.twilio.account-sid", "AC0123456789abcdef0123456789abcdef")
                .property("cso.twilio.auth-token", "fault-test")
                .property("cso.twilio.verify-service-sid", SERVICE)
                .property("cso.twilio.api-base-url", twilio.baseUrl())
                .property("cso.process.invitation-release-delay", "PT1S")
                .property("cso.delivery.outcome-wait", "PT2S")
                .property("cso.delivery.initial-backoff", "PT1S")
                .property("cso.process-commands.max-backoff", "PT2S")
                .property("cso.process-commands.claim-timeout", CLAIM_TIMEOUT.toString())
                // A send the killed app had started is taken over after this (default 6 minutes, above the job
                // timeout of 5); here above the 15 s job timeout set above.
                .property("cso.delivery.claim-timeout", "PT20S")
                // Every journey's browser comes from 127.0.0.1: lift the per-address limits people do not share.
                .property("cso.rate-limit.limits.email-code-send.per-address", "100000")
                .property("cso.rate-limit.limits.phone-code-send.per-address", "100000")
                .property("cso.rate-limit.limits.email-code-check.per-address", "100000")
                .property("cso.rate-limit.limits.phone-code-check.per-address", "100000")
                .property("cso.rate-limit.limits.invitation-open.per-address", "100000")
                .property("cso.rate-limit.limits.password-check.per-address", "100000")
                .property("cso.staff.users[0].username", "caseworker")
                .property("cso.staff.users[0].password", "demo")
                .property("cso.staff.users[0].roles[0]", "CASEWORKER")
                .property("cso.staff.users[1].username", "reviewer")
                .property("cso.staff.users[1].password", "demo")
                .property("cso.staff.users[1].roles[0]", "REVIEWER");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        database.stop();
        sendGrid.stop();
        twilio.stop();
    }
}
