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
  private static final Path ENV_EXAMPLE = Path.of("..", ".env.example");
  private static final Path COMPOSE_DOC = Path.of("..", "docs", "compose.md");
  private static final Path PARENT_POM = Path.of("..", "pom.xml");
  /**
   * What the app refuses to start without outside the local profile (defects 1 and 5 of issue 8): each must be
   * required by the compose file, so that `docker compose up` names it instead of the app failing in a loop.
   */
  private static final List<String> REQUIRED_BY_THE_APP = List.of("SENDGRID_API_KEY", "SENDGRID_FROM_EMAIL",
      "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_VERIFY_SERVICE_SID", "CSO_SECURITY_CODE_HASH_KEY",
      "CAMUNDA_CLIENT_AUTH_PASSWORD", "SPRING_DATASOURCE_PASSWORD");
  /** A value taken from the host: ${NAME}, ${NAME:-default}, ${NAME-default} or ${NAME:?error}. */
  private static final Pattern HOST_VARIABLE = Pattern.compile("\\$\\{[A-Z0-9_]+((:?-|:?\\?)[^}]*)?}");
  /** Every host variable the file reads, with its name as group 1. */
  private static final Pattern ANY_HOST_VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Z0-9_]+)");

  private Map<String, Object> compose;

  @BeforeAll
  void readComposeFile() throws IOException {
    assertThat(COMPOSE_FILE).as("compose file at the repository root").isRegularFile();
    compose = yaml(Files.readString(COMPOSE_FILE));
  }

  @Test
  void definesTheElasticsearchCamundaPostgresAndAppServices() {
    assertThat(map(compose, "services")).containsKeys("elasticsearch", "camunda", "postgres", "app");
  }

  /** Nothing restarts in a loop forever: a configuration mistake must stop with its reason (defect 1). */
  @Test
  void noServiceRestartsForever() {
    map(compose, "services").forEach((name, service) ->
        assertThat(String.valueOf(asMap(service).get("restart"))).as(name).doesNotContain("unless-stopped")
            .isNotEqualTo("always"));
    assertThat(String.valueOf(service("app").get("restart"))).matches("on-failure:\\d+");
  }

  @Nested
  @DisplayName(".env.example")
  class EnvExample {

    private final String example = read(ENV_EXAMPLE);
    private final String composeText = read(COMPOSE_FILE);

    @Test
    void listsEveryVariableTheComposeFileReads() {
      var matcher = ANY_HOST_VARIABLE.matcher(composeText);
      while (matcher.find()) {
        assertThat(example).as("%s in .env.example", matcher.group(1))
            .containsPattern("(?m)^#? ?" + matcher.group(1) + "=");
      }
    }

    @Test
    void listsAStaffAccountForEachRoleWithoutAPassword() {
      assertThat(example).contains("CSO_STAFF_USERS_0_ROLES_0=CASEWORKER", "CSO_STAFF_USERS_1_ROLES_0=REVIEWER",
          "CSO_STAFF_USERS_2_ROLES_0=MANAGER");
    }

    @Test
    void holdsNoSecretValue() {
      for (String line : example.lines().toList()) {
        if (line.matches("^[A-Z0-9_]*(KEY|TOKEN|SECRET|PASSWORD|SID)=.*")) {
          assertThat(line).as("a secret in .env.example must be empty").endsWith("=");
        }
      }
    }
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

    /** The camunda/camunda image keeps its data under /usr/local/camunda/data (defect 3 of issue 8). */
    @Test
    void keepsItsDataInANamedVolumeWhereTheImageWritesIt() {
      assertThat(strings(list(service, "volumes"))).containsExactly("camunda:/usr/local/camunda/data");
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

      private final Map<String, Object> security = map(map(config, "camunda"), "security");
      private final Map<String, Object> initialization = map(security, "initialization");

      @Test
      void signsUsersInWithBasicAuthenticationAndProtectsTheApi() {
        assertThat(map(security, "authentication")).containsEntry("method", "basic")
            .containsEntry("unprotectedApi", false);
      }

      /** Defect 6 of issue 8: with authorizations off any Tasklist user could approve record access. */
      @Test
      void enablesAuthorizationsAndTasklistsCandidateGroupRestrictions() {
        assertThat(map(security, "authorizations")).containsEntry("enabled", true);
        assertThat(map(map(config, "camunda"), "tasklist")).containsEntry("V2ModeEnabled", false);
      }

      @Test
      void createsEveryCandidateGroupOfTheModelAndManagers() {
        assertThat(groups().keySet()).containsAll(candidateGroupsOfTheModel()).contains("managers");
      }

      /** A reviewer's Tasklist shows the review, a caseworker's does not. */
      @Test
      void putsOneDemoUserInEachRoleAndTheCaseworkerOutsideTheReviewers() {
        assertThat(groups().get("caseworkers")).contains("caseworker").doesNotContain("reviewer");
        assertThat(groups().get("access-reviewers")).contains("reviewer").doesNotContain("caseworker");
        assertThat(groups().get("managers")).contains("manager").doesNotContain("caseworker", "reviewer");
      }

      @Test
      void letsEachGroupUseOnlyItsOwnWebApp() {
        assertThat(permissions("GROUP", "caseworkers", "COMPONENT")).containsExactly("tasklist:ACCESS");
        assertThat(permissions("GROUP", "access-reviewers", "COMPONENT")).containsExactly("tasklist:ACCESS");
        assertThat(permissions("GROUP", "managers", "COMPONENT")).containsExactly("operate:ACCESS");
        assertThat(permissions("GROUP", "caseworkers", "PROCESS_DEFINITION"))
            .contains("cso-onboarding:CREATE_PROCESS_INSTANCE", "cso-onboarding:UPDATE_USER_TASK");
        assertThat(permissions("GROUP", "access-reviewers", "PROCESS_DEFINITION"))
            .doesNotContain("cso-onboarding:CREATE_PROCESS_INSTANCE").contains("cso-onboarding:UPDATE_USER_TASK");
      }

      @Test
      void letsTheAppDeployStartPublishAndWorkJobs() {
        assertThat(permissions("USER", "${CAMUNDA_CLIENT_AUTH_USERNAME:-cso-app}", "RESOURCE")).contains("*:CREATE");
        assertThat(permissions("USER", "${CAMUNDA_CLIENT_AUTH_USERNAME:-cso-app}", "MESSAGE")).contains("*:CREATE");
        assertThat(permissions("USER", "${CAMUNDA_CLIENT_AUTH_USERNAME:-cso-app}", "PROCESS_DEFINITION"))
            .contains("cso-onboarding:CREATE_PROCESS_INSTANCE", "cso-onboarding:UPDATE_PROCESS_INSTANCE");
      }

      @Test
      void takesTheAppsPasswordFromTheHost() {
        assertThat(list(initialization, "users")).anySatisfy(user -> assertThat(asMap(user))
            .containsEntry("username", "${CAMUNDA_CLIENT_AUTH_USERNAME:-cso-app}")
            .hasEntrySatisfying("password", p -> assertThat(String.valueOf(p)).matches(HOST_VARIABLE)));
      }

      private Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new java.util.LinkedHashMap<>();
        for (Object group : list(initialization, "groups")) {
          groups.put(String.valueOf(asMap(group).get("groupId")), strings(list(asMap(group), "users")));
        }
        return groups;
      }

      private List<String> permissions(String ownerType, String ownerId, String resourceType) {
        List<String> result = new ArrayList<>();
        for (Object entry : list(initialization, "authorizations")) {
          Map<String, Object> authorization = asMap(entry);
          if (ownerType.equals(authorization.get("ownerType")) && ownerId.equals(authorization.get("ownerId"))
              && resourceType.equals(authorization.get("resourceType"))) {
            strings(list(authorization, "permissions"))
                .forEach(p -> result.add(authorization.get("resourceId") + ":" + p));
          }
        }
        return result;
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

    /** Defects 1, 4 and 5 of issue 8: compose names a missing setting instead of the app failing in a loop. */
    @Test
    void requiresWhatTheAppCannotStartWithout() {
      for (String key : REQUIRED_BY_THE_APP) {
        assertThat(environment.get(key)).as(key).matches("\\$\\{[A-Z0-9_]+:\\?[^}]+}");
      }
    }

    /** Defect 4 of issue 8: staff accounts (any number, with roles) reach the container from .env. */
    @Test
    void readsStaffAccountsAndOtherSettingsFromTheEnvFile() {
      assertThat(list(service, "env_file")).anySatisfy(file -> assertThat(asMap(file))
          .containsEntry("path", ".env").containsEntry("required", true));
    }

    /**
     * Staff sign in with accounts from .env or with the council's provider, and the app refuses both at once: so
     * compose may require neither, or a council with single sign-on could not start the stack.
     */
    @Test
    void leavesTheChoiceOfStaffSignInToTheEnvFile() {
      assertThat(environment).doesNotContainKeys("CSO_STAFF_USERS_0_USERNAME", "CSO_STAFF_USERS_0_PASSWORD",
          "CSO_STAFF_OIDC_ISSUER_URI");
      assertThat(read(ENV_EXAMPLE)).contains("CSO_STAFF_OIDC_ISSUER_URI", "CSO_STAFF_USERS_0_USERNAME");
    }

    @Test
    void linksTheStaffPagesToOperateAndTasklist() {
      assertThat(environment.get("CSO_CAMUNDA_OPERATE_URL")).contains("localhost:8088/operate");
      assertThat(environment.get("CSO_CAMUNDA_TASKLIST_URL")).contains("localhost:8088/tasklist");
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
    void startsOnceCamundaAndPostgresAreHealthy() {
      assertThat(map(map(service, "depends_on"), "camunda"))
          .containsEntry("condition", "service_healthy");
      assertThat(map(map(service, "depends_on"), "postgres"))
          .containsEntry("condition", "service_healthy");
    }

    @Test
    void reportsItsHealth() {
      assertThat(String.join(" ", strings(list(map(service, "healthcheck"), "test")))).contains("8080");
    }

    @Test
    void keepsItsDataInThePostgresService() {
      assertThat(environment.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://postgres:5432/");
      assertThat(environment.get("SPRING_DATASOURCE_USERNAME")).isEqualTo("${POSTGRES_USER:-cso}");
      assertThat(environment.get("SPRING_DATASOURCE_PASSWORD")).startsWith("${POSTGRES_PASSWORD:?");
    }
  }

  @Nested
  @DisplayName("postgres service")
  class PostgresService {

    private final Map<String, Object> service = service("postgres");

    @Test
    void runsPostgres15OrNewerWithCredentialsFromTheEnvFile() {
      assertThat(String.valueOf(service.get("image"))).matches("postgres:1[5-9].*");
      assertThat(environment(service)).containsEntry("POSTGRES_USER", "${POSTGRES_USER:-cso}")
          .hasEntrySatisfying("POSTGRES_PASSWORD", p -> assertThat(p).startsWith("${POSTGRES_PASSWORD:?"));
    }

    @Test
    void keepsItsDataInANamedVolumeAndReportsItsHealth() {
      assertThat(strings(list(service, "volumes"))).containsExactly("postgres:/var/lib/postgresql/data");
      assertThat(String.join(" ", strings(list(map(service, "healthcheck"), "test")))).contains("pg_isready");
    }
  }

  @Nested
  @DisplayName("docs/compose.md")
  class ComposeDoc {

    private final String doc = read(COMPOSE_DOC);

    /** Defect 1 of issue 8: the guide named the provider keys but not the sender the app requires. */
    @Test
    void namesEveryVariableTheAppRequires() {
      for (String key : List.of("SENDGRID_API_KEY", "SENDGRID_FROM_EMAIL", "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN",
          "TWILIO_VERIFY_SERVICE_SID", "CSO_SECURITY_CODE_HASH_KEY", "CAMUNDA_CLIENT_AUTH_PASSWORD",
          "POSTGRES_PASSWORD", "CSO_STAFF_USERS_", "CSO_STAFF_OIDC_ISSUER_URI")) {
        assertThat(doc).as(key).contains(key);
      }
    }

    @Test
    void notesTheCamundaImageAndStarterVersionsItWasBuiltFor() {
      String image = String.valueOf(service("camunda").get("image"));
      var starter = Pattern.compile("<camunda.version>([^<]+)</camunda.version>").matcher(read(PARENT_POM));
      assertThat(starter.find()).isTrue();
      assertThat(doc).contains(image.substring(image.indexOf(':') + 1)).contains(starter.group(1));
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

    /** Item 7 of issue 8: the image is production unless told otherwise, and can never run the local profile. */
    @Test
    void startsTheCamundaProfileAndMarksItselfAsTheProductionImage() {
      assertThat(dockerfile).containsPattern("(?m)^ENV SPRING_PROFILES_ACTIVE=camunda$")
          .containsPattern("(?m)^ENV CSO_PRODUCTION_IMAGE=true$");
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

  /** The candidate groups the deployed model names, so a renamed group cannot leave Tasklist empty. */
  private static List<String> candidateGroupsOfTheModel() {
    try (InputStream in = DockerComposeFileTest.class.getResourceAsStream("/bpmn/cso-onboarding.bpmn")) {
      assertThat(in).as("the model on the classpath").isNotNull();
      var matcher = Pattern.compile("candidateGroups=\"([^\"]+)\"")
          .matcher(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      List<String> groups = new ArrayList<>();
      while (matcher.find()) {
        groups.addAll(List.of(matcher.group(1).split("\\s*,\\s*")));
      }
      assertThat(groups).isNotEmpty();
      return groups;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

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
