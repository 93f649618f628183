package io.github.infisicalci.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.auth.AuthMethod;
import io.github.infisicalci.client.auth.AuthMethods;
import io.github.infisicalci.client.secrets.Collision;
import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.client.secrets.Secret;
import io.github.infisicalci.client.secrets.SecretsRequest;
import io.github.infisicalci.client.secrets.SecretsResult;
import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.devserver.Seed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against the in-memory Infisical-compatible dev server. */
class DevServerIntegrationTest {
  private static final String CLIENT_ID = "ci-client-id";
  private static final String CLIENT_SECRET = "ci-client-secret-9f8e7d";
  private static final String OIDC_JWT = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJyZXBvOmRlbW8ifQ.sig";
  private static final String K8S_TOKEN = "k8s-service-account-token-abc";
  private static final String SERVICE_TOKEN = "st.tok-1.0123456789abcdef0123456789abcdef";

  private DevServer server;
  private final FakeTime time = new FakeTime();
  private final List<String> log = TestConfigs.newLog();

  static Seed seed() {
    return Seed.builder()
        .project("demo-project", p -> p
            .secret("dev", "/", "APP_NAME", "demo-app")
            .secret("dev", "/", "LOG_LEVEL", "debug")
            .secret("dev", "/", "GREETING", "hello ${APP_NAME}")
            .secret("dev", "/", "DB_URL", "postgres://${dev.database.DB_USER}@db")
            .secret("dev", "/database", "DB_USER", "app_user")
            .secret("dev", "/database", "DB_PASSWORD", "db-password-dev-1234")
            .secret("dev", "/database", "LOG_LEVEL", "warn")
            .secret("dev", "/database/replica", "REPLICA_HOST", "replica.internal")
            .secret("dev", "/shared", "LOG_LEVEL", "info")
            .secret("dev", "/shared", "FEATURE", "first-import")
            .secret("dev", "/other", "FEATURE", "second-import")
            .secretImport("dev", "/", "dev", "/shared")
            .secretImport("dev", "/", "dev", "/other")
            .secret("prod", "/", "APP_NAME", "demo-app-prod"))
        .universalAuthIdentity("ci", CLIENT_ID, CLIENT_SECRET, "demo-project")
        .identity("gh", i -> i.oidcAuth(OIDC_JWT).member("demo-project", "viewer"))
        .identity("pod", i -> i.kubernetesAuth(K8S_TOKEN).member("demo-project", "viewer"))
        .identity("dev-only", i -> i.universalAuth("dev-only-id", "dev-only-secret").member("demo-project", "viewer", "dev"))
        .serviceToken(SERVICE_TOKEN, t -> t.project("demo-project").scope("dev", "/database"))
        .build();
  }

  @BeforeEach
  void start() {
    server = DevServer.start(seed());
  }

  @AfterEach
  void stop() {
    server.close();
    for (String line : log) {
      RedactionTest.assertClean(line);
      assertTrue(!line.contains(CLIENT_SECRET) && !line.contains("db-password-dev-1234"), line);
    }
  }

  private ClientConfig.Builder config() {
    return ClientConfig.builder().baseUrl(server.url() + "/api/").logSink(log::add).retryPolicy(TestConfigs.fastRetries());
  }

  private InfisicalClient client(AuthMethod auth) {
    return InfisicalClient.create(config().build(), auth, time.timing());
  }

  private InfisicalClient client() {
    return client(AuthMethods.universal(CLIENT_ID, SecretValue.of(CLIENT_SECRET)));
  }

  /** By project id: the v4 route (a slug goes to v3 with workspaceSlug; see CallCountTest, bySlug below). */
  private static SecretsRequest.Builder dev() {
    return SecretsRequest.builder().project(ProjectRef.id(seed().projectId("demo-project"))).environment("dev");
  }

  private static SecretsRequest.Builder bySlug() {
    return SecretsRequest.builder().project(ProjectRef.slug("demo-project")).environment("dev");
  }

  private static String value(SecretsResult r, String key) {
    return r.get(key).orElseThrow(() -> new AssertionError("no " + key + " in " + r)).value().reveal();
  }

  @Test
  void listsWithImportsAndReferencesMergedLikeTheServer() {
    try (InfisicalClient c = client()) {
      SecretsResult r = c.fetchSecrets(dev().build());
      assertEquals(server.seed().projectId("demo-project"), r.projectId());
      assertEquals("debug", value(r, "LOG_LEVEL"), "local beats imported");
      assertEquals("second-import", value(r, "FEATURE"), "a later import beats an earlier one");
      assertEquals(Secret.Origin.IMPORTED, r.get("FEATURE").orElseThrow().origin());
      assertEquals("/other", r.get("FEATURE").orElseThrow().secretPath());
      assertEquals("hello demo-app", value(r, "GREETING"));
      assertEquals("postgres://app_user@db", value(r, "DB_URL"));
      assertEquals(Secret.Origin.LOCAL, r.get("APP_NAME").orElseThrow().origin());
    }
    var list = server.calls().matching("GET", "/api/v4/secrets").get(0).query();
    assertEquals("true", list.get("includeImports"));
    assertEquals("true", list.get("include_imports"));
    assertEquals("true", list.get("expandSecretReferences"));
    assertEquals("true", list.get("viewSecretValue"));
    assertEquals(1, server.calls().logins().size());
  }

  @Test
  void withoutImportsOrExpansion() {
    try (InfisicalClient c = client()) {
      SecretsResult r = c.fetchSecrets(dev().includeImports(false).expandReferences(false).build());
      assertTrue(r.get("FEATURE").isEmpty());
      assertEquals("hello ${APP_NAME}", value(r, "GREETING"));
    }
  }

  @Test
  void severalPathsLaterWinsWithCollisionReport() {
    try (InfisicalClient c = client()) {
      SecretsResult r = c.fetchSecrets(dev().path("/").path("/database").build());
      assertEquals("warn", value(r, "LOG_LEVEL"));
      assertEquals("/database", r.get("LOG_LEVEL").orElseThrow().secretPath());
      assertEquals("db-password-dev-1234", value(r, "DB_PASSWORD"));
      assertEquals(List.of(new Collision("LOG_LEVEL", "/database", List.of("/"))), r.collisions());
    }
  }

  @Test
  void recursiveListingKeepsSecretPaths() {
    try (InfisicalClient c = client()) {
      SecretsResult r = c.fetchSecrets(dev().path("/database").recursive(true).build());
      assertEquals("/database/replica", r.get("REPLICA_HOST").orElseThrow().secretPath());
      assertEquals("/database", r.get("DB_USER").orElseThrow().secretPath());
    }
  }

  @Test
  void getSecretByName() {
    try (InfisicalClient c = client()) {
      Secret s = c.getSecret(ProjectRef.slug("demo-project"), "dev", "/database", "DB_PASSWORD");
      assertEquals("db-password-dev-1234", s.value().reveal());
      NotFoundException e = assertThrows(NotFoundException.class,
          () -> c.getSecret(ProjectRef.slug("demo-project"), "dev", "/database", "NOPE"));
      assertEquals(NotFoundException.Kind.SECRET, e.kind());
      assertTrue(e.getMessage().startsWith(
          "Secret 'NOPE' not found at path '/database' in environment 'dev' of project 'demo-project'"), e.getMessage());
    }
  }

  @Test
  void unknownEnvironmentAndFolderAreNamed() {
    for (boolean emptyList : new boolean[] {false, true}) {
      server.faults().emptyListForUnknown(emptyList);
      try (InfisicalClient c = client()) {
        NotFoundException env = assertThrows(NotFoundException.class,
            () -> c.fetchSecrets(SecretsRequest.builder().project(ProjectRef.slug("demo-project")).environment("prdo").build()));
        assertEquals(NotFoundException.Kind.ENVIRONMENT, env.kind());
        assertEquals("Environment 'prdo' does not exist in project 'demo-project' (available: dev, staging, prod)",
            env.getMessage());
        NotFoundException folder = assertThrows(NotFoundException.class, () -> c.fetchSecrets(bySlug().path("/stripe").build()));
        assertEquals(NotFoundException.Kind.FOLDER, folder.kind());
        assertTrue(folder.getMessage().startsWith("Folder '/stripe' not found in environment 'dev' of project 'demo-project'"),
            folder.getMessage());
      }
    }
  }

  @Test
  void missingPermissionIsNamed() {
    try (InfisicalClient c = client(AuthMethods.universal("dev-only-id", SecretValue.of("dev-only-secret")))) {
      assertEquals("demo-app", value(c.fetchSecrets(dev().build()), "APP_NAME"));
      PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> c.fetchSecrets(
          SecretsRequest.builder().project(ProjectRef.slug("demo-project")).environment("prod").build()));
      assertTrue(e.getMessage().startsWith(
          "Identity lacks read permission on environment 'prod', path '/' of project 'demo-project'"), e.getMessage());
      assertEquals(403, e.status().getAsInt());
      assertEquals(1, c.logins(), "a permission error is not a login problem");
    }
  }

  @Test
  void unknownProjectIsNamed() {
    try (InfisicalClient c = client()) {
      NotFoundException byId = assertThrows(NotFoundException.class, () -> c.fetchSecrets(
          SecretsRequest.builder().project(ProjectRef.id("no-such-project")).environment("dev").build()));
      assertEquals(NotFoundException.Kind.PROJECT, byId.kind());
      assertTrue(byId.getMessage().startsWith("Project 'no-such-project' not found"), byId.getMessage());
      NotFoundException bySlug = assertThrows(NotFoundException.class, () -> c.fetchSecrets(
          SecretsRequest.builder().project(ProjectRef.slug("no-such-project")).environment("dev").build()));
      assertEquals(NotFoundException.Kind.PROJECT, bySlug.kind());
    }
  }

  @Test
  void legacyServerFallsBackToV3AndOldProjectRoute() {
    server.faults().legacyServer(true);
    try (InfisicalClient c = client()) {
      assertEquals("debug", value(c.fetchSecrets(bySlug().build()), "LOG_LEVEL"));
      assertEquals("warn", value(c.fetchSecrets(dev().path("/database").build()), "LOG_LEVEL"));
      assertEquals("debug", value(c.fetchSecrets(dev().build()), "LOG_LEVEL"));
      assertEquals("app_user", c.getSecret(ProjectRef.slug("demo-project"), "dev", "/database", "DB_USER").value().reveal());
      assertEquals(List.of("dev", "staging", "prod"), c.project(ProjectRef.slug("demo-project")).environmentSlugs());
    }
    assertEquals(1, server.calls().count("GET", "/api/v4/secrets"), "v4 is tried once per client");
    assertEquals(4, server.calls().count("GET", "/api/v3/secrets/raw"));
    assertEquals(1, server.calls().count("GET", "/api/v2/workspace/demo-project"), "old project route");
  }

  @Test
  void transientFaultsAreRetried() {
    server.faults().on("/api/v4/secrets").times(2).respond(503);
    server.faults().on("/api/v1/auth/universal-auth/login").times(1).drop();
    try (InfisicalClient c = client()) {
      assertEquals("debug", value(c.fetchSecrets(dev().build()), "LOG_LEVEL"));
    }
    assertEquals(3, server.calls().count("GET", "/api/v4/secrets"));
  }

  @Test
  void rateLimitRetryAfterIsHonoured() {
    server.faults().on("/api/v4/secrets").times(1).rateLimit(Duration.ofSeconds(3));
    server.faults().on("/api/v1/projects").times(1).cloudRateLimit(Duration.ofSeconds(2));
    try (InfisicalClient c = client()) {
      c.project(ProjectRef.slug("demo-project"));
      c.fetchSecrets(dev().build());
    }
    assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(3)), time.sleeps);
  }

  @Test
  void rateLimitedLoginIsRetried() {
    server.faults().on("/api/v1/auth/universal-auth/login").times(2).rateLimit(Duration.ofSeconds(1));
    try (InfisicalClient c = client()) {
      assertEquals("demo-app", value(c.fetchSecrets(dev().build()), "APP_NAME"));
    }
    assertEquals(3, server.calls().logins().size());
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), time.sleeps);
  }

  @Test
  void nonRetryableFailsAtOnceAndBudgetEndsRetries() {
    server.faults().on("/api/v4/secrets").times(1).respond(400);
    try (InfisicalClient c = client()) {
      InfisicalException e = assertThrows(InfisicalException.class, () -> c.fetchSecrets(dev().build()));
      assertEquals(400, e.status().getAsInt());
      assertEquals(1, server.calls().count("GET", "/api/v4/secrets"));

      server.faults().on("/api/v4/secrets").respond(504);
      RetriesExhaustedException x = assertThrows(RetriesExhaustedException.class, () -> c.fetchSecrets(dev().build()));
      assertTrue(x.getMessage().startsWith("Gave up trying to list secrets after 4 attempts"), x.getMessage());
      assertEquals(504, x.status().getAsInt());
    }
  }

  @Test
  void revokedTokensLeadToOneNewLogin() {
    try (InfisicalClient c = client()) {
      c.fetchSecrets(dev().build());
      server.revokeAllTokens();
      c.fetchSecrets(dev().build());
      assertEquals(2, c.logins());
      c.revoke();
      assertEquals(0, server.activeTokenCount());
    }
    assertEquals(2, server.calls().logins().size());
    assertEquals(1, server.calls().count("POST", "/api/v1/auth/token/revoke"));
  }

  @Test
  void tokenIsRenewedBeforeExpiry() {
    server.setAccessTokenTtl("ci", 60, 3600);
    try (InfisicalClient c = client()) {
      c.fetchSecrets(dev().build());
      time.advance(Duration.ofSeconds(57));
      server.advanceClock(Duration.ofSeconds(57));
      c.fetchSecrets(dev().build());
      time.advance(Duration.ofSeconds(57));
      server.advanceClock(Duration.ofSeconds(57));
      c.fetchSecrets(dev().build());
      assertEquals(1, c.logins());
    }
    assertEquals(2, server.calls().count("POST", "/api/v1/auth/token/renew"));
    assertEquals(1, server.calls().logins().size());
  }

  @Test
  void thirtyTwoThreadsOneLogin() throws Exception {
    server.faults().on("/api/v1/auth/universal-auth/login").times(1).delay(Duration.ofMillis(300));
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try (InfisicalClient c = InfisicalClient.create(config().build(), AuthMethods.universal(CLIENT_ID,
        SecretValue.of(CLIENT_SECRET)))) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return value(c.fetchSecrets(bySlug().build()), "APP_NAME");
        }));
      }
      go.countDown();
      for (Future<String> f : results) {
        assertEquals("demo-app", f.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, server.calls().logins().size());
    assertEquals(0, server.calls().count("GET", "/api/v1/projects/slug/demo-project"), "no project lookup");
  }

  @Test
  void oidcKubernetesAndServiceTokenLogins(@TempDir Path dir) throws IOException {
    try (InfisicalClient c = client(AuthMethods.oidc(server.seed().identityId("gh"), () -> SecretValue.of(OIDC_JWT)))) {
      assertEquals("demo-app", value(c.fetchSecrets(dev().build()), "APP_NAME"));
    }
    Path file = dir.resolve("token");
    Files.writeString(file, K8S_TOKEN + "\n");
    try (InfisicalClient c = client(AuthMethods.kubernetes(server.seed().identityId("pod"), file))) {
      assertEquals("demo-app", value(c.fetchSecrets(dev().build()), "APP_NAME"));
    }
    try (InfisicalClient c = client(AuthMethods.token(SecretValue.of(SERVICE_TOKEN)))) {
      SecretsResult r = c.fetchSecrets(SecretsRequest.builder().environment("dev").path("/database").build());
      assertEquals(server.seed().projectId("demo-project"), r.projectId());
      assertEquals("app_user", value(r, "DB_USER"));
    }
    try (InfisicalClient c = client(AuthMethods.oidc(server.seed().identityId("gh"), () -> SecretValue.of("wrong.jwt.x")))) {
      AuthenticationException e = assertThrows(AuthenticationException.class, c::accessToken);
      assertTrue(e.getMessage().startsWith("Login refused by"), e.getMessage());
    }
  }

  @Test
  void wrongClientSecretIsRefusedWithoutRetry() {
    try (InfisicalClient c = client(AuthMethods.universal(CLIENT_ID, SecretValue.of("not-the-secret")))) {
      AuthenticationException e = assertThrows(AuthenticationException.class, () -> c.fetchSecrets(dev().build()));
      assertEquals(401, e.status().getAsInt());
      assertTrue(!RedactionTest.everything(e).contains("not-the-secret"));
    }
    assertEquals(1, server.calls().logins().size());
  }

  @Test
  void connectionFailureIsTyped() {
    String url = server.url();
    server.close();
    try (InfisicalClient c = InfisicalClient.create(ClientConfig.builder().baseUrl(url).logSink(log::add)
        .retryPolicy(RetryPolicy.none()).build(), AuthMethods.universal(CLIENT_ID, SecretValue.of(CLIENT_SECRET)))) {
      InfisicalConnectionException e = assertThrows(InfisicalConnectionException.class, c::accessToken);
      assertInstanceOf(IOException.class, e.getCause());
    }
    server = DevServer.start(seed());
  }
}
