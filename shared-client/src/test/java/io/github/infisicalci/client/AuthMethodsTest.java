package io.github.infisicalci.client;

import static io.github.infisicalci.client.Routes.json;
import static io.github.infisicalci.client.Routes.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.auth.AuthMethod;
import io.github.infisicalci.client.auth.AuthMethods;
import io.github.infisicalci.client.secrets.SecretsRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthMethodsTest extends ScriptedServerTest {
  private String loginBody(AuthMethod auth, String path) {
    routes.on("POST", path, login("tok", 3600, 0));
    try (InfisicalClient c = InfisicalClient.create(config().build(), auth)) {
      assertEquals("tok", c.accessToken().reveal());
    }
    RecordedRequest r = routes.to("POST", path).get(0);
    assertEquals("application/json; charset=utf-8", r.getHeader("Content-Type"));
    assertTrue(r.getHeader("User-Agent").startsWith("infisical-ci/"), r.getHeader("User-Agent"));
    return r.getBody().readUtf8();
  }

  @Test
  void oidcSendsIdentityAndFreshJwtEachLogin() {
    AtomicInteger asked = new AtomicInteger();
    String body = loginBody(AuthMethods.oidc("identity-1", () -> SecretValue.of("jwt-" + asked.incrementAndGet())),
        "/api/v1/auth/oidc-auth/login");
    assertEquals("{\"identityId\":\"identity-1\",\"jwt\":\"jwt-1\"}", body);
  }

  @Test
  void jwtAuth() {
    assertEquals("{\"identityId\":\"identity-2\",\"jwt\":\"a.b.c\"}",
        loginBody(AuthMethods.jwt("identity-2", () -> SecretValue.of("a.b.c")), "/api/v1/auth/jwt-auth/login"));
  }

  @Test
  void kubernetesReadsTheTokenFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("token");
    Files.writeString(file, "k8s-sa-token\n");
    assertEquals("{\"identityId\":\"identity-3\",\"jwt\":\"k8s-sa-token\"}",
        loginBody(AuthMethods.kubernetes("identity-3", file), "/api/v1/auth/kubernetes-auth/login"));
  }

  @Test
  void kubernetesDefaultsToTheServiceAccountPath() {
    assertEquals(Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token"), AuthMethods.DEFAULT_KUBERNETES_TOKEN);
    try (InfisicalClient c = InfisicalClient.create(config().build(),
        AuthMethods.kubernetes("identity-3"))) {
      AuthenticationException e = assertThrows(AuthenticationException.class, c::accessToken);
      assertTrue(e.getMessage().contains("/var/run/secrets/kubernetes.io/serviceaccount/token"), e.getMessage());
    }
    assertEquals(0, routes.requests.size());
  }

  @Test
  void emptyJwtFailsBeforeSending() {
    try (InfisicalClient c = InfisicalClient.create(config().build(),
        AuthMethods.oidc("identity-1", SecretValue::empty))) {
      AuthenticationException e = assertThrows(AuthenticationException.class, c::accessToken);
      assertTrue(e.getMessage().contains("oidc auth (identity 'identity-1')"), e.getMessage());
    }
    assertEquals(0, routes.requests.size());
  }

  /** The supplier's own failure (e.g. the runner refused the ID-token request) reaches the caller as is. */
  static final class SupplierFailure extends RuntimeException {
    SupplierFailure(String message) {
      super(message);
    }
  }

  @Test
  void jwtSupplierFailurePropagatesWithItsOwnMessage() {
    SupplierFailure thrown = new SupplierFailure("could not get the OIDC ID token after 4 attempts; check that "
        + "the job has 'permissions: id-token: write'");
    for (AuthMethod auth : new AuthMethod[] {AuthMethods.oidc("identity-1", () -> {
      throw thrown;
    }), AuthMethods.jwt("identity-2", () -> {
      throw thrown;
    })}) {
      try (InfisicalClient c = InfisicalClient.create(config().build(), auth)) {
        SupplierFailure e = assertThrows(SupplierFailure.class,
            () -> c.fetchSecrets(SecretsRequest.builder().project(io.github.infisicalci.client.secrets.ProjectRef.id("p"))
                .environment("dev").paths(java.util.List.of("/", "/a")).build()));
        assertTrue(e.getMessage().contains("after 4 attempts") && e.getMessage().contains("id-token: write"),
            e.getMessage());
      }
    }
    assertEquals(0, routes.requests.size());
  }

  @Test
  void loginErrorNamesTheRequestIdOnceAndExposesIt() {
    routes.on("POST", "/api/v1/auth/universal-auth/login", Routes.error(401, "UnauthorizedError", "Invalid credentials"));
    try (InfisicalClient c = InfisicalClient.create(config().retryPolicy(RetryPolicy.none()).build(), TestConfigs.universal())) {
      AuthenticationException e = assertThrows(AuthenticationException.class, c::accessToken);
      assertEquals(1, e.getMessage().split("req-1", -1).length - 1, e.getMessage());
      assertEquals("req-1", e.reqId().orElseThrow(), "callers read it here; they must not append it again");
    }
  }

  @Test
  void serviceTokenResolvesProjectAndSendsOnlyThreeParts() {
    routes.on("GET", "/api/v2/service-token", json(200, "{\"_id\":\"tok1\",\"name\":\"ci\",\"workspace\":\"proj-9\","
        + "\"scopes\":[{\"environment\":\"dev\",\"secretPath\":\"/\"}]}"));
    routes.on("GET", "/api/v4/secrets", Routes.secrets("A", "1"));
    try (InfisicalClient c = InfisicalClient.create(config().build(),
        AuthMethods.token(SecretValue.of("st.tok1.0123456789abcdef.e2ekey")))) {
      assertEquals("proj-9", c.fetchSecrets(SecretsRequest.builder().environment("dev").build()).projectId());
      c.revoke(); // not revocable: nothing is sent
    }
    RecordedRequest info = routes.to("GET", "/api/v2/service-token").get(0);
    assertEquals("Bearer st.tok1.0123456789abcdef", info.getHeader("Authorization"));
    RecordedRequest list = routes.to("GET", "/api/v4/secrets").get(0);
    assertEquals("Bearer st.tok1.0123456789abcdef", list.getHeader("Authorization"));
    assertEquals("proj-9", list.getRequestUrl().queryParameter("projectId"));
    assertTrue(routes.to("POST", "/api/v1/auth/token/revoke").isEmpty());
  }

  @Test
  void tokenPicksTheKind() {
    assertTrue(AuthMethods.token(SecretValue.of("st.a.b")).description().startsWith("service token"));
    assertEquals("access token", AuthMethods.token(SecretValue.of("eyJabc")).description());
    assertFalse(AuthMethods.token(SecretValue.of("eyJabc")).canLogIn());
  }

  @Test
  void inputsAreValidated() {
    ClientConfigTest.assertField("clientId", () -> AuthMethods.universal(" ", SecretValue.of("x")));
    ClientConfigTest.assertField("clientSecret", () -> AuthMethods.universal("id", SecretValue.empty()));
    ClientConfigTest.assertField("identityId", () -> AuthMethods.oidc(null, () -> SecretValue.of("x")));
    ClientConfigTest.assertField("jwt", () -> AuthMethods.jwt("id", null));
    ClientConfigTest.assertField("token", () -> AuthMethods.serviceToken(SecretValue.of("st.x")));
    ClientConfigTest.assertField("token", () -> AuthMethods.accessToken(null));
  }

  @Test
  void extraHeadersAndUserAgentAreSent() {
    routes.on("POST", "/api/v1/auth/universal-auth/login", login("tok", 3600, 0));
    try (InfisicalClient c = InfisicalClient.create(config().header("X-Infisical-Org", "acme")
        .userAgent("my-agent/1").build(), TestConfigs.universal())) {
      c.accessToken();
    }
    RecordedRequest r = routes.requests.get(0);
    assertEquals("acme", r.getHeader("X-Infisical-Org"));
    assertEquals("my-agent/1", r.getHeader("User-Agent"));
  }
}
