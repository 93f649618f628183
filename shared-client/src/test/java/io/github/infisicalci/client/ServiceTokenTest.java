package io.github.infisicalci.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.auth.AuthMethods;
import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.client.secrets.SecretsRequest;
import io.github.infisicalci.client.secrets.SecretsResult;
import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.devserver.Seed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Legacy service tokens against the dev server: scope as defaults, own project, service-token wording. */
class ServiceTokenTest {
  static final String APP_TOKEN = "st.tok-app.0123456789abcdef0123456789abcdef";
  static final String TWO_ENVS = "st.tok-two.0123456789abcdef0123456789abcdef";
  static final String REF_TOKEN = "st.tok-ref.0123456789abcdef0123456789abcdef";

  private DevServer server;
  private Seed seed;

  @BeforeEach
  void start() {
    seed = Seed.builder()
        .project("shop", p -> p
            .secret("dev", "/", "ROOT", "r")
            .secret("dev", "/app", "B", "2")
            .secret("dev", "/refs", "R", "${prod.P}")
            .secret("prod", "/", "P", "prod-secret-value"))
        .project("other", p -> p.secret("dev", "/", "O", "o"))
        .serviceToken(APP_TOKEN, t -> t.project("shop").scope("dev", "/app"))
        .serviceToken(TWO_ENVS, t -> t.project("shop").scope("dev", "/").scope("prod", "/"))
        .serviceToken(REF_TOKEN, t -> t.project("shop").scope("dev", "/refs"))
        .build();
    server = DevServer.start(seed);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private InfisicalClient client(String token) {
    return InfisicalClient.create(ClientConfig.builder().baseUrl(server.url()).retryPolicy(RetryPolicy.none()).build(),
        AuthMethods.token(SecretValue.of(token)));
  }

  @Test
  void projectEnvironmentAndPathComeFromTheTokensScope() {
    try (InfisicalClient c = client(APP_TOKEN)) {
      SecretsResult r = c.fetchSecrets(SecretsRequest.builder().build());
      assertEquals(seed.projectId("shop"), r.projectId());
      assertEquals("dev", r.environment());
      assertEquals("2", r.get("B").orElseThrow().value().reveal());
      assertEquals("/app", r.get("B").orElseThrow().secretPath());
      assertEquals("2", c.fetchSecrets(SecretsRequest.builder().project(ProjectRef.slug("shop")).build())
          .get("B").orElseThrow().value().reveal(), "a slug is checked against the token's own project");
      assertEquals("2", c.getSecret(null, null, null, "B").value().reveal());
    }
    assertEquals(0, server.calls().count("GET", "/api/v1/projects/slug"), "no organisation lookup of the slug");
  }

  @Test
  void askingForAnythingElseThanTheSoleScopeIsRefusedNotSilentlyAnswered() {
    try (InfisicalClient c = client(APP_TOKEN)) {
      InvalidConfigurationException env = assertThrows(InvalidConfigurationException.class,
          () -> c.fetchSecrets(SecretsRequest.builder().environment("prod").build()));
      assertEquals("environment", env.field());
      assertTrue(env.getMessage().contains("scoped to environment 'dev' path '/app' only"), env.getMessage());
      InvalidConfigurationException path = assertThrows(InvalidConfigurationException.class,
          () -> c.fetchSecrets(SecretsRequest.builder().environment("dev").path("/other").build()));
      assertEquals("path", path.field());
      InvalidConfigurationException project = assertThrows(InvalidConfigurationException.class,
          () -> c.fetchSecrets(SecretsRequest.builder().project(ProjectRef.slug("other")).build()));
      assertEquals("project", project.field());
      assertTrue(project.getMessage().contains("belongs to project 'shop'"), project.getMessage());
    }
  }

  @Test
  void severalScopesNeedAnEnvironmentAndOutOfScopeReadsGetAServiceTokenHint() {
    try (InfisicalClient c = client(TWO_ENVS)) {
      InvalidConfigurationException none = assertThrows(InvalidConfigurationException.class,
          () -> c.fetchSecrets(SecretsRequest.builder().build()));
      assertEquals("environment", none.field());
      assertTrue(none.getMessage().contains("dev:/, prod:/"), none.getMessage());
      assertEquals("prod-secret-value", c.fetchSecrets(SecretsRequest.builder().environment("prod").build())
          .get("P").orElseThrow().value().reveal());
      PermissionDeniedException denied = assertThrows(PermissionDeniedException.class,
          () -> c.fetchSecrets(SecretsRequest.builder().environment("staging").build()));
      assertTrue(denied.getMessage().startsWith("The service token may not read"), denied.getMessage());
      assertTrue(denied.getMessage().contains("its scopes: dev:/, prod:/"), denied.getMessage());
      assertFalse(denied.getMessage().contains("machine identity a project role"), denied.getMessage());
    }
  }

  @Test
  void aReferenceOutsideTheScopeSaysSo() {
    try (InfisicalClient c = client(REF_TOKEN)) {
      PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
          () -> c.fetchSecrets(SecretsRequest.builder().build()));
      assertTrue(e.getMessage().startsWith("A secret reference (${...}) points outside what the service token may read"),
          e.getMessage());
      assertFalse(e.getMessage().contains("prod-secret-value"), e.getMessage());
      assertEquals("${prod.P}", c.fetchSecrets(SecretsRequest.builder().expandReferences(false).build())
          .get("R").orElseThrow().value().reveal());
    }
  }

  @Test
  void unknownTokenGetsAServiceTokenMessage() {
    try (InfisicalClient c = client("st.nope.0123456789abcdef0123456789abcdef")) {
      AuthenticationException e = assertThrows(AuthenticationException.class,
          () -> c.fetchSecrets(SecretsRequest.builder().build()));
      assertTrue(e.getMessage().startsWith("The server does not know this service token"), e.getMessage());
      assertFalse(e.getMessage().contains("0123456789abcdef0123456789abcdef"), e.getMessage());
    }
  }

  @Test
  void identitiesStillNeedAnEnvironment() {
    try (InfisicalClient c = InfisicalClient.create(ClientConfig.builder().baseUrl(server.url()).build(),
        AuthMethods.universal("x", SecretValue.of("y")))) {
      InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
          () -> c.fetchSecrets(SecretsRequest.builder().project(ProjectRef.slug("shop")).build()));
      assertEquals("environment", e.field());
    }
    assertEquals(0, server.calls().all().size(), "refused before any request");
  }
}
