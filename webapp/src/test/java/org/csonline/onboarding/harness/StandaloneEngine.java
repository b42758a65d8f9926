package org.csonline.onboarding.harness;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.RocksDbEngineFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The app's embedded Zeebe engine in a JVM of its own, so that a test can reach it over gRPC only, cut the link to it,
 * or stop the app while the engine keeps its state. Talks to its parent on stdin and stdout:
 * prints {@code ENGINE READY <port>}; reads {@code advance <ISO-8601 duration>} (answers {@code ADVANCED}) and
 * stops when stdin closes, so it never outlives a test JVM that dies.
 */
public final class StandaloneEngine {

    static final String READY = "ENGINE READY ";
    static final String ADVANCED = "ADVANCED";

    private StandaloneEngine() {
    }

    /** Lets the engine finish what it was doing first, so a timer created just before is moved on too. */
    private static void awaitIdle(ZeebeTestEngine engine) {
        try {
            engine.waitForIdleState(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.TimeoutException e) {
            // busy for 10 s: move the clock anyway; the caller sees any effect through the engine
        }
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        ZeebeTestEngine engine = RocksDbEngineFactory.create(port, RocksDbEngineFactory.DEFAULT_STATE_MEMORY_BYTES);
        engine.start();
        String address = engine.getGatewayAddress();
        System.out.println(READY + address.substring(address.lastIndexOf(':') + 1));
        System.out.flush();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("advance ")) {
                    awaitIdle(engine);
                    engine.increaseTime(Duration.parse(line.substring("advance ".length()).trim()));
                    System.out.println(ADVANCED);
                    System.out.flush();
                } else if (line.equals("stop")) {
                    break;
                }
            }
        } finally {
            engine.stop();
            // The engine library keeps non-daemon threads and a static timer that can hold the JVM open.
            System.exit(0);
        }
    }
}
