package org.csonline.onboarding.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link StandaloneEngine} in its own JVM with this test's classpath, and reaches it over gRPC on loopback.
 * Every wait is bounded; {@link #close()} stops the process (and it stops by itself if this JVM dies, because its
 * stdin closes).
 */
public final class EngineProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;
    private final Writer commands;
    private final BlockingQueue<String> answers;
    private final int port;

    private EngineProcess(Process process, Path log, BlockingQueue<String> answers) {
        this.process = process;
        this.log = log;
        this.answers = answers;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.port = Integer.parseInt(await(StandaloneEngine.READY, START_TIMEOUT).substring(StandaloneEngine.READY.length()));
    }

    public static EngineProcess start() {
        Path log = ChildJvm.logFile("engine");
        List<String> command = new ArrayList<>(ChildJvm.javaCommand("768m"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StandaloneEngine.class.getName(),
                String.valueOf(ChildJvm.freeLoopbackPort())));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            BlockingQueue<String> answers = new LinkedBlockingQueue<>();
            Thread copier = new Thread(() -> copy(process, log, answers), "engine-process-log");
            copier.setDaemon(true);
            copier.start();
            try {
                return new EngineProcess(process, log, answers);
            } catch (RuntimeException e) {
                ChildJvm.stop(process, Duration.ofSeconds(5));
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the child's output to its log, and hands the protocol lines to whoever waits for them. */
    private static void copy(Process process, Path log, BlockingQueue<String> answers) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.write('\n');
                out.flush();
                if (line.startsWith(StandaloneEngine.READY) || line.equals(StandaloneEngine.ADVANCED)) {
                    answers.add(line);
                }
            }
        } catch (IOException e) {
            // the process ended; waiters see it through isAlive()
        }
    }

    public int port() {
        return port;
    }

    /** The address for {@code camunda.client.grpc-address}. */
    public String grpcAddress() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Moves the engine's clock forward, so timers of days fire now. */
    public void advanceClock(Duration duration) {
        try {
            commands.write("advance " + duration + "\n");
            commands.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("The engine process has gone; see " + log, e);
        }
        await(StandaloneEngine.ADVANCED, ANSWER_TIMEOUT);
    }

    private String await(String expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                String answer = answers.poll(200, TimeUnit.MILLISECONDS);
                if (answer != null && answer.startsWith(expected)) {
                    return answer;
                }
                if (answer == null && !process.isAlive()) {
                    throw new IllegalStateException("The engine process ended (exit " + process.exitValue()
                            + ") while waiting for '" + expected.trim() + "':\n" + ChildJvm.tail(log, 30));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("No '" + expected.trim() + "' from the engine process within "
                + timeout.toSeconds() + " s:\n" + ChildJvm.tail(log, 30));
    }

    @Override
    public void close() {
        try {
            commands.write("stop\n");
            commands.flush();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                ChildJvm.stop(process, Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
