package org.csonline.onboarding.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged application ({@code target/cso-onboarding.jar}) in a JVM of its own, on a loopback port, so that a
 * test can run several instances, or kill one with SIGKILL and start it again. Failsafe runs after {@code package},
 * so the jar is there for every {@code *IT}.
 */
public final class AppProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final int port;

    private AppProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the app gets no chance to finish anything, as when its machine dies. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, as a rolling deploy would; SIGKILL after a grace period. */
    public void stop() {
        ChildJvm.stop(process, STOP_GRACE);
    }

    @Override
    public void close() {
        stop();
    }

    /** How to start an instance; reusable, so a test can start the same configuration again after a kill. */
    public static final class Builder {

        private final Map<String, String> properties = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>();
        private String profile = "local";
        private String readyPath = "/";
        private Duration startTimeout = Duration.ofSeconds(120);
        private String maxHeap = "768m";
        private int port;

        private Builder() {
        }

        public Builder profile(String profile) {
            this.profile = profile;
            return this;
        }

        /** A Spring property, passed as {@code --key=value}. */
        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        public Builder env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /** The path that answers 200 once the instance is ready (default: the home page). */
        public Builder readyPath(String path) {
            this.readyPath = path;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        public Builder maxHeap(String maxHeap) {
            this.maxHeap = maxHeap;
            return this;
        }

        /** A fixed port (to start an instance again where it was); by default a free loopback port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public AppProcess start() {
            int chosen = port != 0 ? port : ChildJvm.freeLoopbackPort();
            Path jar = Path.of(System.getProperty("basedir", "."), "target", "cso-onboarding.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: run the *IT classes through Maven (after package)");
            }
            List<String> command = new ArrayList<>(ChildJvm.javaCommand(maxHeap));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString(), "--spring.profiles.active=" + profile,
                    "--server.port=" + chosen, "--server.address=127.0.0.1"));
            properties.forEach((key, value) -> command.add("--" + key + "=" + value));
            Path log = ChildJvm.logFile("app-" + profile);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            try {
                AppProcess app = new AppProcess(builder.start(), log, chosen);
                awaitReady(app);
                return app;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void awaitReady(AppProcess app) {
            long deadline = System.nanoTime() + startTimeout.toNanos();
            HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + readyPath))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            while (System.nanoTime() < deadline) {
                if (!app.isAlive()) {
                    throw new IllegalStateException("The app ended (exit " + app.process.exitValue()
                            + ") before it was ready:\n" + ChildJvm.tail(app.log, 40));
                }
                try {
                    if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                sleep();
            }
            Path threads = threadDump(app);
            app.kill();
            throw new IllegalStateException("The app was not ready at " + readyPath + " within "
                    + startTimeout.toSeconds() + " s (its threads then: " + threads + "):\n" + ChildJvm.tail(app.log, 40));
        }

        /** What every thread of an app that did not get ready was doing, for the failure to be understood later. */
        private static Path threadDump(AppProcess app) {
            Path dump = Path.of(app.log + ".threads.txt");
            try {
                Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(app.process.pid()), "Thread.print").redirectErrorStream(true)
                        .redirectOutput(dump.toFile()).start();
                if (!jcmd.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    jcmd.destroyForcibly();
                }
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return dump;
        }

        private static void sleep() {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
