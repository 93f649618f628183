package io.github.infisicalci.client;

import static io.github.infisicalci.client.Routes.error;
import static io.github.infisicalci.client.Routes.json;
import static io.github.infisicalci.client.Routes.login;
import static io.github.infisicalci.client.Routes.secrets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.secrets.Collision;
import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.client.secrets.Secret;
import io.github.infisicalci.client.secrets.SecretsRequest;
import io.github.infisicalci.client.secrets.SecretsResult;
import java.io.IOException;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListingTest extends ScriptedServerTest {
  private static final String PROJECT = "{\"id\":\"proj-1\",\"slug\":\"demo-project\",\"name\":\"Demo\",\"environments\":["
      + "{\"name\":\"Development\",\"slug\":\"dev\",\"id\":\"e1\"},{\"name\":\"Staging\",\"slug\":\"staging\",\"id\":\"e2\"},"
      + "{\"name\":\"Production\",\"slug\":\"prod\",\"id\":\"e3\"}]}";

  @BeforeEach
  void acceptLogin() {
    routes.on("POST", "/api/v1/auth/universal-auth/login", login("tok-1", 3600, 0));
  }

  private static HttpUrl url(RecordedRequest r) {
    return r.getRequestUrl();
  }

  @Test
  void v4ListingSendsEveryFlagExplicitly() {
    routes.on("GET", "/api/v4/secrets", secrets("A", "1"));
    try (InfisicalClient c = client()) {
      c.fetchSecrets(SecretsRequest.builder().project(ProjectRef.id("proj-1")).environment("dev").path("stripe/")
          .recursive(true).includeImports(false).expandReferences(false).tagSlugs(List.of("ci", "db")).build());
    }
    HttpUrl u = url(routes.to("GET", "/api/v4/secrets").get(0));
    assertEquals("proj-1", u.queryParameter("projectId"));
    assertEquals("dev", u.queryParameter("environment"));
    assertEquals("/stripe", u.queryParameter("secretPath"));
    assertEquals("true", u.queryParameter("viewSecretValue"));
    assertEquals("false", u.queryParameter("expandSecretReferences"));
    assertEquals("true", u.queryParameter("recursive"));
    assertEquals("false", u.queryParameter("include_imports"));
    assertEquals("false", u.queryParameter("includeImports"));
    assertEquals("true", u.queryParameter("includePersonalOverrides"));
    assertEquals("ci,db", u.queryParameter("tagSlugs"));
  }

  @Test
  void fallsBackToV3OnlyOnRouteNotFoundAndRemembersIt() {
    // no v4 route registered: the dispatcher answers with the framework's route-not-found
    routes.on("GET", "/api/v3/secrets/raw", secrets("A", "1"));
    try (InfisicalClient c = client()) {
      SecretsRequest r = SecretsRequest.builder().project(ProjectRef.id("proj-1")).environment("dev").build();
      assertEquals("1", c.fetchSecrets(r).get("A").orElseThrow().value().reveal());
      assertTrue(c.usesV3());
      c.fetchSecrets(r);
    }
    assertEquals(1, routes.to("GET", "/api/v4/secrets").size(), "v4 tried once only");
    List<RecordedRequest> v3 = routes.to("GET", "/api/v3/secrets/raw");
    assertEquals(2, v3.size());
    HttpUrl u = url(v3.get(0));
    assertEquals("proj-1", u.queryParameter("workspaceId"));
    assertEquals("true", u.queryParameter("include_imports"));
    assertEquals("true", u.queryParameter("expandSecretReferences"));
    assertTrue(log.stream().anyMatch(l -> l.contains("using /api/v3/secrets/raw")), log.toString());
  }

  @Test
  void aServerThatIsNotInfisicalIsToldApart() {
    routes.on("GET", "/api/v4/secrets", new okhttp3.mockwebserver.MockResponse().setResponseCode(404)
        .setHeader("Content-Type", "text/html").setBody("<html><body>Not here</body></html>"));
    routes.on("GET", "/api/v3/secrets/raw", new okhttp3.mockwebserver.MockResponse().setResponseCode(404)
        .setHeader("Content-Type", "text/html").setBody("<html><body>Not here</body></html>"));
    try (InfisicalClient c = client()) {
      NotFoundException e = assertThrows(NotFoundException.class, () -> c.fetchSecrets(
          SecretsRequest.builder().project(ProjectRef.id("proj-1")).environment("dev").build()));
      assertTrue(e.getMessage().contains("has no route GET /api/v3/secrets/raw; is that the address of an Infisical server?"),
          e.getMessage());
    }
  }

  @Test
  void secretPathNotFoundIsAFolderErrorNotAFallback() {
    routes.on("GET", "/api/v4/secrets", error(404, "SecretPathNotFound", "Folder with path '/stripe' not found"));
    routes.on("GET", "/api/v1/projects/proj-1", json(200, "{\"project\":" + PROJECT + "}"));
    routes.on("GET", "/api/v2/folders", json(200, "{\"folders\":[{\"id\":\"f1\",\"name\":\"database\"}]}"));
    try (InfisicalClient c = client()) {
      NotFoundException e = assertThrows(NotFoundException.class, () -> c.fetchSecrets(
          SecretsRequest.builder().project(ProjectRef.id("proj-1")).environment("dev").path("/stripe").build()));
      assertEquals(NotFoundException.Kind.FOLDER, e.kind());
      assertEquals("Folder '/stripe' not found in environment 'dev' of project 'proj-1'", e.getMessage());
      assertFalse(c.usesV3());
    }
    assertTrue(routes.to("GET", "/api/v3/secrets/raw").isEmpty());
  }

  @Test
  void slugIsResolvedOnceWithFallbackToWorkspaceRoute() {
    routes.on("GET", "/api/v2/workspace/demo-project", json(200, PROJECT));
    routes.on("GET", "/api/v4/secrets", secrets("A", "1"));
    routes.on("GET", "/api/v4/secrets/A", json(200, "{\"secret\":{\"secretKey\":\"A\",\"secretValue\":\"1\"}}"));
    try (InfisicalClient c = client()) {
      SecretsRequest r = SecretsRequest.builder().project(ProjectRef.slug("demo-project")).environment("dev").build();
      assertEquals("proj-1", c.fetchSecrets(r).projectId());
      c.fetchSecrets(r);
      c.getSecret(ProjectRef.slug("demo-project"), "dev", "/", "A");
    }
    assertEquals(1, routes.to("GET", "/api/v1/projects/slug/demo-project").size());
    assertEquals(1, routes.to("GET", "/api/v2/workspace/demo-project").size());
    assertEquals("proj-1", url(routes.to("GET", "/api/v4/secrets").get(0)).queryParameter("projectId"));
  }

  @Test
  void slugUsesProjectsRouteWhenPresent() {
    routes.on("GET", "/api/v1/projects/slug/demo-project", json(200, PROJECT));
    routes.on("GET", "/api/v4/secrets", secrets("A", "1"));
    try (InfisicalClient c = client()) {
      assertEquals(List.of("dev", "staging", "prod"),
          c.project(ProjectRef.slug("demo-project")).environmentSlugs());
    }
    assertTrue(routes.to("GET", "/api/v2/workspace/demo-project").isEmpty());
  }

  @Test
  void unknownProjectSlug() {
    routes.on("GET", "/api/v1/projects/slug/nope", error(404, "NotFound", "Project with slug 'nope' not found"));
    try (InfisicalClient c = client()) {
      NotFoundException e = assertThrows(NotFoundException.class, () -> c.fetchSecrets(
          SecretsRequest.builder().project(ProjectRef.slug("nope")).environment("dev").build()));
      assertEquals(NotFoundException.Kind.PROJECT, e.kind());
      assertTrue(e.getMessage().startsWith("Project 'nope' not found, or the identity is not a member of it"),
          e.getMessage());
    }
  }

  @Test
  void emptyListingForUnknownEnvironmentNamesTheEnvironment() {
    routes.on("GET", "/api/v1/projects/slug/demo-project", json(200, PROJECT));
    routes.on("GET", "/api/v4/secrets", json(200, "{\"secrets\":[],\"imports\":[]}"));
    try (InfisicalClient c = client()) {
      NotFoundException e = assertThrows(NotFoundException.class, () -> c.fetchSecrets(
          SecretsRequest.builder().project(ProjectRef.slug("demo-project")).environment("prdo").build()));
      assertEquals(NotFoundException.Kind.ENVIRONMENT, e.kind());
      assertEquals("Environment 'prdo' does not exist in project 'demo-project' (available: dev, staging, prod)",
          e.getMessage());
      assertEquals("prdo", e.context().environment());
    }
  }

  @Test
  void emptyListingForUnknownFolderNamesTheFolder() {
    routes.on("GET", "/api/v1/projects/slug/demo-project", json(200, PROJECT));
    routes.on("GET", "/api/v4/secrets", json(200, "{\"secrets\":[],\"imports\":[]}"));
    routes.on("GET", "/api/v2/folders", json(200, "{\"folders\":[{\"id\":\"f1\",\"name\":\"database\"}]}"));
    try (InfisicalClient c = client()) {
      NotFoundException e = assertThrows(NotFoundException.class, () -> c.fetchSecrets(
          SecretsRequest.builder().project(ProjectRef.slug("demo-project")).environment("dev").path("/stripe").build()));
      assertEquals(NotFoundException.Kind.FOLDER, e.kind());
      assertEquals("Folder '/stripe' not found in environment 'dev' of project 'demo-project'", e.getMessage());
      // an existing but empty folder is fine
      SecretsResult ok = c.fetchSecrets(
          SecretsRequest.builder().project(ProjectRef.slug("demo-project")).environment("dev").path("/database").build());
      assertTrue(ok.secrets().isEmpty());
    }
    HttpUrl folders = url(routes.to("GET", "/api/v2/folders").get(0));
    assertEquals("/", folders.queryParameter("path"));
    assertEquals("proj-1", folders.queryParameter("projectId"));
  }

  @Test
  void severalPathsAreMergedLaterWinsWithCollisions() {
    MockWebServer s2 = new MockWebServer();
    s2.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
      @Override
      public okhttp3.mockwebserver.MockResponse dispatch(RecordedRequest request) {
        if (request.getPath().startsWith("/api/v1/auth")) {
          return login("tok", 3600, 0);
        }
        String path = request.getRequestUrl().queryParameter("secretPath");
        return switch (path) {
          case "/" -> secrets("DB_URL", "root-db", "ONLY_ROOT", "r");
          case "/a" -> secrets("DB_URL", "a-db", "API_KEY", "a-key");
          default -> secrets("DB_URL", "b-db", "API_KEY", "b-key", "ONLY_B", "b");
        };
      }
    });
    try (s2; InfisicalClient c = InfisicalClient.create(TestConfigs.base(s2, log).build(), TestConfigs.universal(),
        time.timing())) {
      SecretsResult r = c.fetchSecrets(SecretsRequest.builder().project(ProjectRef.id("p")).environment("dev")
          .path("/").path("/a").path("/b").build());
      assertEquals(List.of("API_KEY", "DB_URL", "ONLY_B", "ONLY_ROOT"), r.secrets().stream().map(Secret::key).toList());
      assertEquals("b-db", r.get("DB_URL").orElseThrow().value().reveal());
      assertEquals("b-key", r.get("API_KEY").orElseThrow().value().reveal());
      assertEquals(List.of(new Collision("API_KEY", "/b", List.of("/a")),
          new Collision("DB_URL", "/b", List.of("/", "/a"))), r.collisions());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void getSecretByName() {
    routes.on("GET", "/api/v4/secrets/DB_URL", json(200, "{\"secret\":{\"secretKey\":\"DB_URL\",\"secretValue\":\"pg://x\","
        + "\"type\":\"shared\",\"environment\":\"dev\",\"secretPath\":\"/database\"}}"));
    try (InfisicalClient c = client()) {
      Secret s = c.getSecret(ProjectRef.id("proj-1"), "dev", "/database/", "DB_URL");
      assertEquals("pg://x", s.value().reveal());
      assertEquals(Secret.Origin.LOCAL, s.origin());
      assertEquals("/database", s.secretPath());
    }
    HttpUrl u = url(routes.to("GET", "/api/v4/secrets/DB_URL").get(0));
    assertEquals("/database", u.queryParameter("secretPath"));
    assertEquals("true", u.queryParameter("viewSecretValue"));
    assertEquals("shared", u.queryParameter("type"));
  }

  @Test
  void getMissingSecretNamesIt() {
    routes.on("GET", "/api/v4/secrets/NOPE", error(404, "NotFound", "Secret with name 'NOPE' not found"));
    routes.on("GET", "/api/v1/projects/proj-1", json(200, "{\"project\":" + PROJECT + "}"));
    try (InfisicalClient c = client()) {
      NotFoundException e = assertThrows(NotFoundException.class,
          () -> c.getSecret(ProjectRef.id("proj-1"), "dev", "/", "NOPE"));
      assertEquals(NotFoundException.Kind.SECRET, e.kind());
      assertTrue(e.getMessage().startsWith(
          "Secret 'NOPE' not found at path '/' in environment 'dev' of project 'proj-1'"), e.getMessage());
      NotFoundException env = assertThrows(NotFoundException.class,
          () -> c.getSecret(ProjectRef.id("proj-1"), "qa", "/", "NOPE"));
      assertEquals(NotFoundException.Kind.ENVIRONMENT, env.kind());
    }
  }

  @Test
  void getSecretFallsBackToV3() {
    routes.on("GET", "/api/v3/secrets/raw/K", json(200, "{\"secret\":{\"secretKey\":\"K\",\"secretValue\":\"v\"}}"));
    try (InfisicalClient c = client()) {
      assertEquals("v", c.getSecret(ProjectRef.id("proj-1"), "dev", "/", "K").value().reveal());
    }
    assertEquals("proj-1", url(routes.to("GET", "/api/v3/secrets/raw/K").get(0)).queryParameter("workspaceId"));
  }

  @Test
  void requestValidationNamesTheField() {
    ClientConfigTest.assertField("environment", () -> SecretsRequest.builder().environment("a/b").build());
    ClientConfigTest.assertField("path", () -> SecretsRequest.builder().environment("dev").path("/a/../b").build());
    ClientConfigTest.assertField("project", () -> ProjectRef.slug(" "));
    ClientConfigTest.assertField("tagSlugs", () -> SecretsRequest.builder().environment("dev").tagSlugs(List.of("a,b")).build());
    try (InfisicalClient c = client()) {
      ClientConfigTest.assertField("key", () -> c.getSecret(ProjectRef.id("p"), "dev", "/", "a/b"));
      ClientConfigTest.assertField("project", () -> c.fetchSecrets(SecretsRequest.builder().environment("dev").build()));
      // without a service token the environment is required (checked by the client, before any request)
      ClientConfigTest.assertField("environment", () -> c.fetchSecrets(SecretsRequest.builder()
          .project(ProjectRef.id("p")).build()));
    }
    assertEquals(List.of("/", "/b/c", "/a"), SecretsRequest.builder().environment("dev")
        .paths(List.of("/a", "/", "b//c/", "a/")).build().paths(), "normalised, a repeated path moves to its last place");
  }
}
