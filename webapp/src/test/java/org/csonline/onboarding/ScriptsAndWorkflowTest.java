package org.csonline.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked here of the scripts that run elsewhere: the compose smoke script and its GitHub Actions
 * workflow (Docker exists only there), CI's entry point, and the JDK choice behind the README's two commands.
 * Paths are relative to the webapp module, where Maven runs the tests.
 */
class ScriptsAndWorkflowTest {

    private static final Path ROOT = Path.of("..");
    private static final Path SMOKE = ROOT.resolve("docs/compose-smoke.sh");
    private static final Path SMOKE_COMPOSE = ROOT.resolve("docs/compose-smoke.yml");
    private static final Path WORKFLOW = ROOT.resolve(".github/workflows/compose-smoke.yml");
    private static final Path CI = ROOT.resolve(".ci/run");

    @Test
    void theSmokeScriptIsValidBashAndSaysWhereItCannotRun() throws Exception {
        assertThat(run("bash", "-n", "docs/compose-smoke.sh").exitCode()).isZero();
        assertThat(Files.readString(SMOKE)).contains("CANNOT RUN ON THE PROJECT'S DEVELOPMENT MACHINES")
                .contains("docker-compose.yml").contains("docs/compose-smoke.yml").contains("down -v");
    }

    /** shellcheck (Debian's package) where it is installed; bash -n above runs everywhere. */
    @Test
    void shellcheckFindsNothingWhereItIsInstalled() throws Exception {
        if (run("sh", "-c", "command -v shellcheck").exitCode() == 0) {
            Result result = run("shellcheck", "-x", "docs/compose-smoke.sh", ".ci/run");
            assertThat(result.exitCode()).as(result.output()).isZero();
        }
        assertThat(run("sh", "-n", ".mvn/pick-jdk.sh").exitCode()).isZero();
        assertThat(run("bash", "-n", ".ci/run").exitCode()).isZero();
    }

    @Test
    void theWorkflowRunsTheSmokeScriptOnARunnerWithDocker() throws IOException {
        Map<String, Object> workflow = new Yaml().load(Files.readString(WORKFLOW));
        // YAML 1.1 reads the key "on" as true.
        assertThat(workflow.containsKey("on") || workflow.containsKey(Boolean.TRUE)).isTrue();
        Map<String, Object> job = map(map(workflow, "jobs"), "smoke");
        assertThat(String.valueOf(job.get("runs-on"))).startsWith("ubuntu-");
        List<String> runs = new ArrayList<>();
        for (Object step : (List<?>) job.get("steps")) {
            Object run = ((Map<?, ?>) step).get("run");
            if (run != null) {
                runs.add(run.toString());
            }
        }
        assertThat(runs).anyMatch(run -> run.contains("bash docs/compose-smoke.sh"));
    }

    @Test
    void theSmokeOverridePointsTheAppAtWireMockPlayingBothProviders() throws IOException {
        Map<String, Object> override = new Yaml().load(Files.readString(SMOKE_COMPOSE));
        Map<String, Object> app = map(map(override, "services"), "app");
        assertThat(map(app, "environment")).containsEntry("CSO_SENDGRID_API_BASE_URL", "http://providers:8080")
                .containsEntry("CSO_TWILIO_API_BASE_URL", "http://providers:8080");
        String mappings = String.valueOf(map(map(override, "configs"), "provider-mappings").get("content"));
        JsonNode json = new ObjectMapper().readTree(mappings);
        List<String> urls = new ArrayList<>();
        json.path("mappings").forEach(m -> urls.add(m.path("request").path("url").asText()
                + m.path("request").path("urlPattern").asText()));
        assertThat(urls).contains("/v3/mail/send").anyMatch(u -> u.endsWith("/Verifications"))
                .anyMatch(u -> u.endsWith("/VerificationCheck"));
    }

    /** The README's test command is what CI runs, and CI picks its JDK the way ./mvnw does. */
    @Test
    void ciRunsTheReadmesTestCommandWithTheWrappersJdkChoice() throws IOException {
        String ci = Files.readString(CI);
        assertThat(ci).containsPattern("(?m)^\\./mvnw -B verify$").contains(". .mvn/pick-jdk.sh");
        assertThat(Files.readString(ROOT.resolve("README.md"))).contains("| run all tests | `./mvnw verify` |");
        assertThat(Files.readString(ROOT.resolve("mvnw"))).contains(". \"$(dirname \"$0\")/.mvn/pick-jdk.sh\"");
    }

    /** A fresh Debian machine: JAVA_HOME unset or at 17; the wrapper must still find a JDK of 21 or newer. */
    @Test
    void theWrapperPicksAJdkOf21OrNewerWhenJavaHomeIsMissingOrOld() throws Exception {
        for (String javaHome : List.of("", "/usr/lib/jvm/java-17-openjdk-amd64")) {
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", ". ./.mvn/pick-jdk.sh && \"${JAVA_HOME:+$JAVA_HOME/bin/}java\" -version");
            builder.environment().put("JAVA_HOME", javaHome);
            Result result = run(builder);
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).containsPattern("version \"(2[1-9]|[3-9][0-9])");
        }
    }

    private static Result run(String... command) throws Exception {
        return run(new ProcessBuilder(command));
    }

    private static Result run(ProcessBuilder builder) throws Exception {
        Process process = builder.directory(ROOT.toFile()).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + builder.command());
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
