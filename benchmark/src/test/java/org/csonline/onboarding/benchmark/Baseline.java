package org.csonline.onboarding.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@link EngineBaseline} in a JVM of its own on the app jar's class path (Spring Boot's PropertiesLauncher adds
 * the benchmark's classes with {@code loader.path}), so the baseline measures the very engine the app ships.
 */
final class Baseline {

    /**
     * Jobs and messages of one journey, counted on the model's happy path (new account, two phone rounds, approval):
     * 10 service-task jobs plus 46 timeline listener jobs, and 10 messages. Override with bench.baseline.jobs and
     * bench.baseline.messages when the model changes.
     */
    static final int JOBS = Integer.getInteger("bench.baseline.jobs", 56);
    static final int MESSAGES = Integer.getInteger("bench.baseline.messages", 10);

    record Result(double instancesPerSecond, int jobs, int messages) {
    }

    private Baseline() {
    }

    private static boolean isSpringBootJar(Path jar) throws IOException {
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Main-Class")
                    .startsWith("org.springframework.boot.loader");
        }
    }

    static Result run(Path jar, Path classes, List<String> jvmFlags, int inFlight, Duration duration, Path out)
            throws IOException, InterruptedException {
        Files.createDirectories(out);
        Path log = out.resolve("baseline.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-XX:+UseSerialGC", "-Xmx1g"));
        if (isSpringBootJar(jar)) {
            command.addAll(List.of("-cp", jar.toString(), "-Dloader.path=" + classes,
                    "-Dloader.main=" + EngineBaseline.class.getName(),
                    "org.springframework.boot.loader.launch.PropertiesLauncher"));
        } else {
            // an extracted jar (java -Djarmode=tools -jar ... extract): its manifest puts lib/ on the class path
            command.addAll(List.of("-cp", jar + java.io.File.pathSeparator + classes, EngineBaseline.class.getName()));
        }
        command.addAll(List.of(String.valueOf(JOBS), String.valueOf(MESSAGES), String.valueOf(inFlight),
                duration.dividedBy(2).toString(), duration.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(duration.multipliedBy(3).plusSeconds(120).toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("The baseline did not finish; see " + log);
        }
        Matcher line = Pattern.compile("BASELINE instances/s=([0-9.]+)").matcher(Files.readString(log));
        if (!line.find()) {
            throw new IllegalStateException("The baseline printed no result; see " + log);
        }
        return new Result(Double.parseDouble(line.group(1)), JOBS, MESSAGES);
    }
}
