package org.csonline.onboarding.benchmark;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged app jar in a JVM of its own, local profile, on loopback ports: what the benchmark measures. Its CPU
 * time and resident memory are read from the operating system, so they are the app's alone.
 */
final class AppUnderTest implements AutoCloseable {

    /** The actions whose limits the benchmark lifts: one client address sends every journey. */
    static final List<String> RATE_LIMITED_ACTIONS = List.of("invitation-open", "password-check", "email-code-send",
            "email-code-check", "phone-code-send", "phone-code-check", "password-reset-send", "password-reset-check");

    private final Process process;
    private final int port;
    private final Path log;
    private final Duration startup;

    private AppUnderTest(Process process, int port, Path log, Duration startup) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startup = startup;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static AppUnderTest start(Path jar, int port, List<String> jvmArgs, List<String> properties, Path out)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No app jar at " + jar + ": run with -Pbenchmark from the root (it packages webapp)");
        }
        Files.createDirectories(out);
        Path log = out.resolve("app.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString(), "--spring.profiles.active=local", "--server.address=127.0.0.1",
                "--server.port=" + port, "--cso.engine.port=" + freePort(),
                "--cso.council.base-url=http://127.0.0.1:" + port,
                // the invitation waits one second, as in the measurements; the rest of the journey is pages
                "--cso.process.invitation-release-delay=PT1S"));
        for (String action : RATE_LIMITED_ACTIONS) {
            command.add("--cso.rate-limit.limits." + action + ".per-account=1000000000");
            command.add("--cso.rate-limit.limits." + action + ".per-address=1000000000");
        }
        properties.stream().map(p -> "--" + p).forEach(command::add);
        long begin = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI home = URI.create("http://127.0.0.1:" + port + "/");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app stopped while starting; see " + log);
            }
            try {
                // Tomcat answers before the context has finished starting (the engine deployment comes later): ready
                // is the "Started" line and an answered page.
                if (Files.readString(log).contains("Started CsoOnboardingApplication")
                        && http.send(HttpRequest.newBuilder(home).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new AppUnderTest(process, port, log, Duration.ofNanos(System.nanoTime() - begin));
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The app did not answer within 180 s; see " + log);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Duration startup() {
        return startup;
    }

    /** CPU time (user + system) the app's JVM has used so far. */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Resident set size and its peak, in MiB, from /proc. */
    long[] residentMib() {
        try {
            long rss = 0;
            long peak = 0;
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kib(line) / 1024;
                } else if (line.startsWith("VmHWM:")) {
                    peak = kib(line) / 1024;
                }
            }
            return new long[] {rss, peak};
        } catch (IOException e) {
            return new long[] {-1, -1};
        }
    }

    /**
     * Heap still in use after a full collection, in MiB (jcmd GC.run, then GC.heap_info): what the app keeps, as
     * opposed to what it has not yet collected.
     */
    long heapAfterFullGcMib() {
        try {
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            run(jcmd, String.valueOf(process.pid()), "GC.run");
            long usedKib = 0;
            for (String line : run(jcmd, String.valueOf(process.pid()), "GC.heap_info").split("\n")) {
                // heap lines only (Serial's generations, G1's heap), whatever their names, never Metaspace or class space
                Matcher used = Pattern.compile("total .*?used (\\d+)K").matcher(line);
                if (used.find() && !line.contains("Metaspace") && !line.contains("class space")) {
                    usedKib += Long.parseLong(used.group(1));
                }
            }
            return usedKib / 1024;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("\\D", ""));
    }

    /** Signs a demo staff user in once and returns the session cookie; staff stay signed in across journeys. */
    HttpCookie signInStaff(String username) {
        try {
            return signIn(username);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpCookie signIn(String username) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String form = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/staff/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF field on the staff sign-in page");
        }
        String body = "username=" + username + "&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        String home = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/staff/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
        if (!home.contains("Signed in as")) {
            throw new IllegalStateException("Staff sign-in as " + username + " failed");
        }
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID") || c.getName().equals("SESSION"))
                .findFirst().orElseThrow(() -> new IllegalStateException("No session cookie after staff sign-in"));
    }

    static String loadAverage() {
        try {
            return String.join("/", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException e) {
            return "?";
        }
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
