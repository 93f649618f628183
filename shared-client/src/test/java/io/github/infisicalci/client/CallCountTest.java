package io.github.infisicalci.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.infisicalci.client.auth.AuthMethods;
import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.client.secrets.SecretsRequest;
import io.github.infisicalci.client.secrets.SecretsResult;
import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.devserver.Seed;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The happy path makes a login, one listing per path and the revoke, nothing else (issue 8): counted on
 * the dev server's request log, for a project id, a project slug, and an older server without v4.
 */
class CallCountTest {
  private DevServer server;
  private Seed seed;

  @BeforeEach
  void start() {
    seed = Seed.builder()
        .project("shop", p -> p
            .secret("dev", "/", "A", "1")
            .secret("dev", "/stripe", "B", "2")
            .secret("dev", "/db", "C", "3"))
        .identity("ci", i -> i.universalAuth("cid", "csecret-123").member("shop", "viewer"))
        .build();
    server = DevServer.start(seed);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private List<String> run(ProjectRef project, String... paths) {
    server.calls().clear();
    try (InfisicalClient c = InfisicalClient.create(ClientConfig.builder().baseUrl(server.url())
        .retryPolicy(RetryPolicy.none()).build(), AuthMethods.universal("cid", SecretValue.of("csecret-123")))) {
      SecretsResult r = c.fetchSecrets(SecretsRequest.builder().project(project).environment("dev")
          .paths(List.of(paths)).build());
      assertEquals(seed.projectId("shop"), r.projectId());
      assertEquals(paths.length, r.secrets().size());
      c.revoke();
    }
    return server.calls().all().stream().map(c -> c.method() + " " + c.path() + " " + c.status()).sorted().toList();
  }

  @Test
  void idAndOnePath() {
    assertEquals(List.of("GET /api/v4/secrets 200", "POST /api/v1/auth/token/revoke 200",
        "POST /api/v1/auth/universal-auth/login 200"), run(ProjectRef.id(seed.projectId("shop")), "/"));
  }

  @Test
  void slugAndSeveralPathsNeedNoProjectLookup() {
    assertEquals(List.of("GET /api/v3/secrets/raw 200", "GET /api/v3/secrets/raw 200", "GET /api/v3/secrets/raw 200",
        "POST /api/v1/auth/token/revoke 200", "POST /api/v1/auth/universal-auth/login 200"),
        run(ProjectRef.slug("shop"), "/", "/stripe", "/db"));
  }

  @Test
  void olderServerIsProbedOnceForSeveralPaths() {
    server.faults().legacyServer(true);
    assertEquals(List.of("GET /api/v3/secrets/raw 200", "GET /api/v3/secrets/raw 200", "GET /api/v3/secrets/raw 200",
        "GET /api/v4/secrets 404", "POST /api/v1/auth/token/revoke 200", "POST /api/v1/auth/universal-auth/login 200"),
        run(ProjectRef.id(seed.projectId("shop")), "/", "/stripe", "/db"));
    assertEquals(List.of("GET /api/v3/secrets/raw 200", "GET /api/v3/secrets/raw 200", "GET /api/v3/secrets/raw 200",
        "POST /api/v1/auth/token/revoke 200", "POST /api/v1/auth/universal-auth/login 200"),
        run(ProjectRef.slug("shop"), "/", "/stripe", "/db"));
  }

  @Test
  void idAndSeveralPathsOnANewServer() {
    assertEquals(List.of("GET /api/v4/secrets 200", "GET /api/v4/secrets 200", "GET /api/v4/secrets 200",
        "POST /api/v1/auth/token/revoke 200", "POST /api/v1/auth/universal-auth/login 200"),
        run(ProjectRef.id(seed.projectId("shop")), "/", "/stripe", "/db"));
  }
}
