package io.github.infisicalci.client;

import static io.github.infisicalci.client.Routes.error;
import static io.github.infisicalci.client.Routes.login;
import static io.github.infisicalci.client.Routes.secrets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.auth.AuthMethods;
import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.client.secrets.SecretsRequest;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

class TokenLifecycleTest extends ScriptedServerTest {
  private static final String LOGIN = "/api/v1/auth/universal-auth/login";
  private static final String RENEW = "/api/v1/auth/token/renew";

  private static SecretsRequest request() {
    return SecretsRequest.builder().project(ProjectRef.id("p1")).environment("dev").build();
  }

  @Test
  void loginSendsCredentialsAndTokenIsUsedAsBearer() throws Exception {
    routes.on("POST", LOGIN, login("tok-1", 3600, 0));
    routes.on("GET", "/api/v4/secrets", secrets("A", "1"));
    try (InfisicalClient c = client()) {
      c.fetchSecrets(request());
      c.fetchSecrets(request());
    }
    RecordedRequest login = routes.to("POST", LOGIN).get(0);
    assertEquals("{\"clientId\":\"client-id-1\",\"clientSecret\":\"" + TestConfigs.CLIENT_SECRET + "\"}",
        login.getBody().readUtf8());
    assertEquals(null, login.getHeader("Authorization"));
    assertEquals(1, routes.to("POST", LOGIN).size());
    for (RecordedRequest r : routes.to("GET", "/api/v4/secrets")) {
      assertEquals("Bearer tok-1", r.getHeader("Authorization"));
    }
  }

  @Test
  void renewsBeforeExpiry() {
    routes.on("POST", LOGIN, login("tok-1", 60, 3600));
    routes.on("POST", RENEW, login("tok-1b", 60, 3600));
    routes.on("GET", "/api/v4/secrets", secrets("A", "1"));
    try (InfisicalClient c = client()) {
      assertEquals("tok-1", c.accessToken().reveal());
      time.advance(Duration.ofSeconds(50));
      assertEquals("tok-1", c.accessToken().reveal(), "not yet within the 5 s margin");
      time.advance(Duration.ofSeconds(6));
      assertEquals("tok-1b", c.accessToken().reveal());
      assertEquals(1, c.logins());
    }
    RecordedRequest renew = routes.to("POST", RENEW).get(0);
    assertEquals("{\"accessToken\":\"tok-1\"}", renew.getBody().readUtf8());
  }

  @Test
  void maxTtlForcesLoginInsteadOfRenewal() {
    routes.on("POST", LOGIN, login("tok-1", 60, 100), login("tok-2", 60, 100));
    routes.on("POST", RENEW, login("renewed", 60, 100));
    try (InfisicalClient c = client()) {
      c.accessToken();
      time.advance(Duration.ofSeconds(56)); // 44 s left before max TTL < one TTL of 60 s
      assertEquals("tok-2", c.accessToken().reveal());
      assertEquals(2, c.logins());
    }
    assertTrue(routes.to("POST", RENEW).isEmpty());
  }

  @Test
  void failedRenewalFallsBackToLogin() {
    routes.on("POST", LOGIN, login("tok-1", 60, 0), login("tok-2", 60, 0));
    routes.on("POST", RENEW, error(401, "Unauthorized", "Token not found"));
    try (InfisicalClient c = client()) {
      c.accessToken();
      time.advance(Duration.ofSeconds(58));
      assertEquals("tok-2", c.accessToken().reveal());
      assertEquals(2, c.logins());
    }
    assertEquals(1, routes.to("POST", RENEW).size());
    assertTrue(log.stream().anyMatch(l -> l.contains("renewal failed (HTTP 401)")), log.toString());
  }

  @Test
  void expiredTokenLeadsToLoginNotRenewal() {
    routes.on("POST", LOGIN, login("tok-1", 60, 0), login("tok-2", 60, 0));
    routes.on("POST", RENEW, login("renewed", 60, 0));
    try (InfisicalClient c = client()) {
      c.accessToken();
      time.advance(Duration.ofSeconds(61));
      assertEquals("tok-2", c.accessToken().reveal());
    }
    assertTrue(routes.to("POST", RENEW).isEmpty());
  }

  @Test
  void expiresInZeroNeverExpires() {
    routes.on("POST", LOGIN, login("tok-1", 0, 0), login("tok-2", 0, 0));
    try (InfisicalClient c = client()) {
      c.accessToken();
      time.advance(Duration.ofDays(4000));
      assertEquals("tok-1", c.accessToken().reveal());
      assertEquals(1, c.logins());
    }
    assertTrue(routes.to("POST", RENEW).isEmpty());
  }

  @Test
  void rejected401LogsInAgainOnceAndRetries() {
    routes.on("POST", LOGIN, login("tok-1", 3600, 0), login("tok-2", 3600, 0));
    routes.on("GET", "/api/v4/secrets", error(401, "Unauthorized", "Token revoked"), secrets("A", "1"));
    try (InfisicalClient c = client()) {
      assertEquals("1", c.fetchSecrets(request()).get("A").orElseThrow().value().reveal());
      assertEquals(2, c.logins());
    }
    List<RecordedRequest> lists = routes.to("GET", "/api/v4/secrets");
    assertEquals("Bearer tok-1", lists.get(0).getHeader("Authorization"));
    assertEquals("Bearer tok-2", lists.get(1).getHeader("Authorization"));
  }

  @Test
  void rejected403TokenErrorLogsInAgain() {
    routes.on("POST", LOGIN, login("tok-1", 3600, 0), login("tok-2", 3600, 0));
    routes.on("GET", "/api/v4/secrets", error(403, "TokenError", "Your token has expired. Please re-authenticate."),
        secrets("A", "1"));
    try (InfisicalClient c = client()) {
      c.fetchSecrets(request());
      assertEquals(2, c.logins());
    }
  }

  @Test
  void secondRejectionIsReportedNotLooped() {
    routes.on("POST", LOGIN, login("tok-1", 3600, 0), login("tok-2", 3600, 0), login("tok-3", 3600, 0));
    routes.on("GET", "/api/v4/secrets", error(401, "Unauthorized", "Token revoked"));
    try (InfisicalClient c = client()) {
      AuthenticationException e = assertThrows(AuthenticationException.class, () -> c.fetchSecrets(request()));
      assertTrue(e.getMessage().startsWith("Access token rejected by http://"), e.getMessage());
      assertEquals(2, c.logins());
    }
    assertEquals(2, routes.to("GET", "/api/v4/secrets").size());
  }

  @Test
  void permissionDenied403IsNotALoginProblem() {
    routes.on("POST", LOGIN, login("tok-1", 3600, 0));
    routes.on("GET", "/api/v4/secrets", error(403, "PermissionDenied", "You are not allowed to read on secrets"));
    try (InfisicalClient c = client()) {
      PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> c.fetchSecrets(request()));
      assertTrue(e.getMessage().startsWith(
          "Identity lacks read permission on environment 'dev', path '/' of project 'p1' (while trying to list secrets)"), e.getMessage());
      assertEquals(1, c.logins());
    }
  }

  @Test
  void refusedLoginIsAnAuthenticationError() {
    routes.on("POST", LOGIN, error(401, "Unauthorized", "Invalid credentials"));
    try (InfisicalClient c = client()) {
      AuthenticationException e = assertThrows(AuthenticationException.class, c::accessToken);
      assertTrue(e.getMessage().startsWith("Login refused by http://"), e.getMessage());
      assertTrue(e.getMessage().contains("universal auth (client id 'client-id-1')"), e.getMessage());
      assertTrue(e.getMessage().contains("Invalid credentials"), e.getMessage());
    }
    assertEquals(1, routes.to("POST", LOGIN).size());
  }

  @Test
  void givenAccessTokenIsNeverRenewedNorReplaced() {
    routes.on("GET", "/api/v4/secrets", error(401, "Unauthorized", "Token revoked"));
    try (InfisicalClient c = InfisicalClient.create(config().build(),
        AuthMethods.accessToken(SecretValue.of("given-token")), time.timing())) {
      assertThrows(AuthenticationException.class, () -> c.fetchSecrets(request()));
      time.advance(Duration.ofDays(30));
      assertEquals("given-token", c.accessToken().reveal());
      c.revoke();
    }
    assertEquals(1, routes.requests.size());
  }

  @Test
  void revokeSendsTheTokenAndForgetsIt() {
    routes.on("POST", LOGIN, login("tok-1", 3600, 0), login("tok-2", 3600, 0));
    routes.on("POST", "/api/v1/auth/token/revoke",
        Routes.json(200, "{\"message\":\"Successfully revoked access token\"}"));
    try (InfisicalClient c = client()) {
      c.accessToken();
      c.revoke();
      assertEquals("tok-2", c.accessToken().reveal());
    }
    assertEquals("{\"accessToken\":\"tok-1\"}", routes.to("POST", "/api/v1/auth/token/revoke").get(0).getBody().readUtf8());
  }
}
