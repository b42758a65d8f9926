package org.csonline.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose stack cannot be started on the development machines (no Docker engine), so this test
 * checks its structure: the services, how they are wired, and that no secret is written into it.
 * Paths are relative to the webapp module, where Maven runs the tests.
 */
@DisplayName("docker-compose.yml")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DockerComposeFileTest {

  private static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml");
  private static final Path DOCKERFILE = Path.of("..", "Dockerfile");
  private static final List<String> PROVIDER_KEYS =
      List.of("SENDGRID_API_KEY", "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_VERIFY_SERVICE_SID");
  /** A value taken from the host: ${NAME}, ${NAME:-default} or ${NAME-default}. */
  private static final Pattern HOST_VARIABLE = Pattern.compile("\\$\\{[A-Z0-9_]+(:?-[^}]*)?}");

  private Map<String, Object> compose;

  @BeforeAll
  void readComposeFile() throws IOException {
    assertThat(COMPOSE_FILE).as("compose file at the repository root").isRegularFile();
    compose = yaml(Files.readString(COMPOSE_FILE));
  }

  @Test
  void definesTheElasticsearchCamundaAndAppServices() {
    assertThat(map(compose, "services")).containsKeys("elasticsearch", "camunda", "app");
  }

  @Test
  void declaresEveryNamedVolumeItUses() {
    Map<String, Object> declared = map(compose, "volumes");
    for (Object service : map(compose, "services").values()) {
      for (Object volume : list(asMap(service), "volumes")) {
        String source = String.valueOf(volume).split(":")[0];
        if (!source.startsWith(".") && !source.startsWith("/")) {
          assertThat(declared).as("named volume %s", source).containsKey(source);
        }
      }
    }
  }

  @Nested
  @DisplayName("elasticsearch service")
  class ElasticsearchService {

    private final Map<String, Object> service = service("elasticsearch");

    @Test
    void runsElasticsearch8AsASingleNodeWithSecurityOff() {
      assertThat(String.valueOf(service.get("image")))
          .startsWith("docker.elastic.co/elasticsearch/elasticsearch:8.");
      assertThat(environment(service))
          .containsEntry("discovery.type", "single-node")
          .containsEntry("xpack.security.enabled", "false");
    }

    @Test
    void keepsItsDataInANamedVolume() {
      assertThat(list(service, "volumes")).contains("elastic:/usr/share/elasticsearch/data");
    }

    @Test
    void reportsItsHealth() {
      assertThat(service).containsKey("healthcheck");
    }
  }

  @Nested
  @DisplayName("camunda service")
  class CamundaService {

    private final Map<String, Object> service = service("camunda");

    @Test
    void runsTheCamunda88OrchestrationClusterImage() {
      assertThat(String.valueOf(service.get("image"))).startsWith("camunda/camunda:8.8");
    }

    @Test
    void publishesGrpcWebAndManagementPorts() {
      assertThat(strings(list(service, "ports"))).contains("26500:26500", "8088:8080", "9600:9600");
    }

    @Test
    void startsOnceElasticsearchIsHealthy() {
      assertThat(map(map(service, "depends_on"), "elasticsearch"))
          .containsEntry("condition", "service_healthy");
    }

    @Test
    void reportsReadinessThroughItsHealthcheck() {
      assertThat(String.join(" ", strings(list(map(service, "healthcheck"), "test"))))
          .contains("9600")
          .contains("/actuator/health/readiness");
    }

    @Test
    void keepsItsDataInANamedVolume() {
      assertThat(strings(list(service, "volumes"))).anyMatch(v -> v.startsWith("camunda:"));
    }

    @Nested
    @DisplayName("its application.yaml")
    class Configuration {

      private final Map<String, Object> config = camundaConfiguration();

      @Test
      void usesElasticsearchAsSecondaryStorage() {
        Map<String, Object> storage = map(map(map(config, "camunda"), "data"), "secondary-storage");
        assertThat(storage).containsEntry("type", "elasticsearch");
        assertThat(map(storage, "elasticsearch")).containsEntry("url", "http://elasticsearch:9200");
      }

      @Test
      void signsUsersInWithBasicAuthenticationAsDemoDemo() {
        Map<String, Object> security = map(map(config, "camunda"), "security");
        assertThat(map(security, "authentication")).containsEntry("method", "basic");
        assertThat(list(map(security, "initialization"), "users"))
            .anySatisfy(user -> assertThat(asMap(user))
                .containsEntry("username", "demo")
                .containsEntry("password", "demo"));
      }

      @Test
      void servesManagementOnPort9600() {
        assertThat(map(map(config, "management"), "server")).containsEntry("port", 9600);
      }

      private Map<String, Object> camundaConfiguration() {
        Map<String, Object> mounted = asMap(list(service, "configs").get(0));
        assertThat(mounted).containsEntry("target", "/usr/local/camunda/config/application.yaml");
        Map<String, Object> definition = map(map(compose, "configs"), (String) mounted.get("source"));
        return yaml((String) definition.get("content"));
      }
    }
  }

  @Nested
  @DisplayName("app service")
  class AppService {

    private final Map<String, Object> service = service("app");
    private final Map<String, String> environment = environment(service);

    @Test
    void isBuiltFromTheDockerfileAtTheRepositoryRoot() {
      Map<String, Object> build = map(service, "build");
      assertThat(build).containsEntry("context", ".").containsEntry("dockerfile", "Dockerfile");
    }

    @Test
    void isPublishedOnHostPort8080() {
      assertThat(strings(list(service, "ports"))).contains("8080:8080");
    }

    @Test
    void runsTheCamundaProfileInSelfManagedMode() {
      assertThat(environment)
          .containsEntry("SPRING_PROFILES_ACTIVE", "camunda")
          .containsEntry("CAMUNDA_CLIENT_MODE", "self-managed");
    }

    @Test
    void reachesTheGrpcApiOfTheCamundaServiceOnPort26500() {
      URI grpc = URI.create(environment.get("CAMUNDA_CLIENT_GRPC_ADDRESS"));
      assertThat(grpc.getScheme()).isEqualTo("http");
      assertThat(grpc.getHost()).isEqualTo("camunda");
      assertThat(grpc.getPort()).isEqualTo(26500);
    }

    @Test
    void reachesTheRestApiOfTheCamundaServiceOnItsContainerPort8080() {
      URI rest = URI.create(environment.get("CAMUNDA_CLIENT_REST_ADDRESS"));
      assertThat(rest.getHost()).isEqualTo("camunda");
      assertThat(rest.getPort()).isEqualTo(8080);
    }

    @Test
    void authenticatesWithBasicAuthentication() {
      assertThat(environment).containsEntry("CAMUNDA_CLIENT_AUTH_METHOD", "basic");
      assertThat(environment.get("CAMUNDA_CLIENT_AUTH_USERNAME")).matches(HOST_VARIABLE);
      assertThat(environment.get("CAMUNDA_CLIENT_AUTH_PASSWORD")).matches(HOST_VARIABLE);
    }

    @Test
    void passesTheProviderKeysThroughFromTheHostEmptyWhenUnset() {
      for (String key : PROVIDER_KEYS) {
        assertThat(environment).as(key).containsEntry(key, "${" + key + ":-}");
      }
    }

    @Test
    void holdsNoLiteralSecret() {
      Pattern secretName = Pattern.compile(".*(KEY|TOKEN|SECRET|PASSWORD|SID).*");
      environment.forEach((name, value) -> {
        if (secretName.matcher(name).matches()) {
          assertThat(value).as("%s must come from the host", name).matches(HOST_VARIABLE);
        }
      });
    }

    @Test
    void startsOnceCamundaIsHealthy() {
      assertThat(map(map(service, "depends_on"), "camunda"))
          .containsEntry("condition", "service_healthy");
    }

    @Test
    void keepsItsH2DatabaseFileInANamedVolumeAtData() {
      assertThat(strings(list(service, "volumes"))).contains("app-data:/data");
      assertThat(environment.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:h2:file:/data/");
    }
  }

  @Nested
  @DisplayName("Dockerfile")
  class Dockerfile {

    private final String dockerfile = read(DOCKERFILE);

    @Test
    void buildsWithTheMavenWrapperOnJdk21() {
      assertThat(dockerfile)
          .containsPattern("(?m)^FROM eclipse-temurin:21-jdk AS build$")
          .contains("./mvnw -B -DskipTests package");
    }

    @Test
    void runsTheCsoOnboardingJarOnAJre21() {
      assertThat(dockerfile)
          .containsPattern("(?m)^FROM eclipse-temurin:21-jre$")
          .contains("/src/webapp/target/cso-onboarding.jar /app/cso-onboarding.jar")
          .contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/cso-onboarding.jar\"]");
    }

    @Test
    void runsAsANonRootUser() {
      assertThat(dockerfile).containsPattern("(?m)^USER (?!root)\\S+$");
    }
  }

  @Nested
  @DisplayName("the camunda profile")
  class CamundaProfile {

    private final Map<String, Object> client = camundaClientProperties();

    @Test
    void readsTheAddressesTheComposeFileSets() {
      assertThat(client.get("grpc-address")).asString().startsWith("${CAMUNDA_CLIENT_GRPC_ADDRESS:");
      assertThat(client.get("rest-address")).asString().startsWith("${CAMUNDA_CLIENT_REST_ADDRESS:");
      assertThat(environment(service("app")))
          .containsKeys("CAMUNDA_CLIENT_GRPC_ADDRESS", "CAMUNDA_CLIENT_REST_ADDRESS");
    }

    @Test
    void streamsJobsToWorkersRunningOnSeveralThreads() {
      assertThat(map(map(client, "worker"), "defaults")).containsEntry("stream-enabled", true);
      assertThat((Integer) client.get("execution-threads")).isGreaterThan(1);
    }

    private Map<String, Object> camundaClientProperties() {
      try (InputStream in = getClass().getResourceAsStream("/application-camunda.yaml")) {
        assertThat(in).as("application-camunda.yaml on the classpath").isNotNull();
        return map(map(new Yaml().load(in), "camunda"), "client");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  private Map<String, Object> service(String name) {
    return map(map(compose, "services"), name);
  }

  /** The environment of a service, whether written as a map or as a list of NAME=value. */
  private static Map<String, String> environment(Map<String, Object> service) {
    Object environment = service.get("environment");
    Map<String, String> result = new java.util.LinkedHashMap<>();
    if (environment instanceof Map<?, ?> entries) {
      entries.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    } else if (environment instanceof List<?> entries) {
      for (Object entry : entries) {
        String[] parts = String.valueOf(entry).split("=", 2);
        result.put(parts[0], parts.length > 1 ? parts[1] : "");
      }
    }
    return result;
  }

  private static Map<String, Object> yaml(String text) {
    return asMap(new Yaml().load(text));
  }

  private static String read(Path path) {
    assertThat(path).isRegularFile();
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> map(Object parent, String key) {
    Object value = asMap(parent).get(key);
    assertThat(value).as("'%s'", key).isInstanceOf(Map.class);
    return asMap(value);
  }

  private static List<Object> list(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    if (value == null) {
      return List.of();
    }
    assertThat(value).as("'%s'", key).isInstanceOf(List.class);
    @SuppressWarnings("unchecked")
    List<Object> result = (List<Object>) value;
    return result;
  }

  private static List<String> strings(List<Object> values) {
    List<String> result = new ArrayList<>();
    values.forEach(v -> result.add(String.valueOf(v)));
    return result;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }
}
