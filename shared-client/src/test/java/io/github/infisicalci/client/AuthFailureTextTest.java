package io.github.infisicalci.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.auth.AuthMethod;
import io.github.infisicalci.client.auth.AuthMethods;
import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.client.secrets.SecretsRequest;
import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.devserver.Seed;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failed logins and refused service tokens name the auth method and what was wrong, with a hint; never
 * "Secret 'null' not found", an identity's permissions for a service token, raw JSON or a pasted page.
 */
class AuthFailureTextTest {
  static final String EXPIRED = "st.tok-old.0123456789abcdef0123456789abcdef";
  static final String UA_LOGIN = "/api/v1/auth/universal-auth/login";

  private DevServer server;

  @BeforeEach
  void start() {
    server = DevServer.start(Seed.builder()
        .project("shop", p -> p.secret("dev", "/", "ROOT", "r"))
        .identity("ci", i -> i.universalAuth("cid", "the-client-secret").oidcAuth("good.jwt.x").member("shop", "viewer"))
        .serviceToken(EXPIRED, t -> t.project("shop").scope("dev", "/").expiresAt(Instant.parse("2000-01-01T00:00:00Z")))
        .build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private InfisicalException fetchFails(AuthMethod auth) {
    try (InfisicalClient c = InfisicalClient.create(ClientConfig.builder().baseUrl(server.url())
        .retryPolicy(RetryPolicy.none()).build(), auth)) {
      return assertThrows(InfisicalException.class, () -> c.fetchSecrets(SecretsRequest.builder()
          .project(ProjectRef.slug("shop")).environment("dev").build()));
    }
  }

  private static void assertNoNonsense(String message) {
    for (String bad : new String[] {"null", "Secret '", "Identity lacks", "{", "[{", "<html", "the-client-secret"}) {
      assertFalse(message.contains(bad), () -> "'" + bad + "' in: " + message);
    }
  }

  @Test
  void anUnknownClientIdIsARefusedLoginNotAMissingSecret() {
    // the real server answers an unknown client id with 404 NotFound (a wrong secret: 401)
    server.faults().on(UA_LOGIN).respond(404,
        "{\"statusCode\":404,\"message\":\"No identity with specified client ID was found\",\"error\":\"NotFound\"}");
    InfisicalException e = fetchFails(AuthMethods.universal("nope", SecretValue.of("the-client-secret")));
    assertTrue(e instanceof AuthenticationException, e.getClass() + ": " + e.getMessage());
    assertTrue(e.getMessage().contains("log in with universal auth (client id 'nope')"), e.getMessage());
    assertTrue(e.getMessage().contains("No identity with specified client ID was found"), e.getMessage());
    assertTrue(e.getMessage().contains("the server has no identity with that id for this auth method"), e.getMessage());
    assertEquals(404, e.status().orElseThrow());
    assertNoNonsense(e.getMessage());
  }

  @Test
  void anUnknownOidcIdentityIsARefusedLogin() {
    InfisicalException e = fetchFails(AuthMethods.oidc("no-such-identity", () -> SecretValue.of("good.jwt.x")));
    assertTrue(e instanceof AuthenticationException, e.getClass() + ": " + e.getMessage());
    assertTrue(e.getMessage().contains("log in with oidc auth (identity 'no-such-identity')"), e.getMessage());
    assertNoNonsense(e.getMessage());
  }

  @Test
  void aLockedAuthMethodSaysToWait() {
    server.faults().on(UA_LOGIN).respond(401, "{\"statusCode\":401,\"message\":\"This identity auth method is "
        + "temporarily locked, please try again later\",\"error\":\"UnauthorizedError\"}");
    InfisicalException e = fetchFails(AuthMethods.universal("cid", SecretValue.of("the-client-secret")));
    assertTrue(e.getMessage().contains("locked after repeated failed logins: wait"), e.getMessage());
    assertNoNonsense(e.getMessage());
  }

  @Test
  void aRefusedCallerAtLoginIsARefusedLoginNotAPermission() {
    server.faults().on(UA_LOGIN).respond(403, "{\"statusCode\":403,\"message\":\"You are not allowed to access this "
        + "resource\",\"error\":\"ForbiddenError\"}");
    InfisicalException e = fetchFails(AuthMethods.universal("cid", SecretValue.of("the-client-secret")));
    assertTrue(e instanceof AuthenticationException, e.getClass() + ": " + e.getMessage());
    assertTrue(e.getMessage().startsWith("Login refused by"), e.getMessage());
    assertNoNonsense(e.getMessage());
  }

  @Test
  void anExpiredServiceTokenIsRejectedNotAnIdentityWithoutPermission() {
    InfisicalException e = fetchFails(AuthMethods.token(SecretValue.of(EXPIRED)));
    assertTrue(e instanceof AuthenticationException, e.getClass() + ": " + e.getMessage());
    assertTrue(e.getMessage().startsWith("The service token was rejected (server: Service token has expired)"),
        e.getMessage());
    assertFalse(e.getMessage().contains("0123456789abcdef0123456789abcdef"), e.getMessage());
    assertNoNonsense(e.getMessage());
  }

  @Test
  void aServiceTokenScopeWithoutEnvironmentIsNotUsed() {
    server.faults().on("/api/v2/service-token").respond(200, "{\"workspace\":\"p1\",\"scopes\":[{}]}");
    try (InfisicalClient c = InfisicalClient.create(ClientConfig.builder().baseUrl(server.url())
        .retryPolicy(RetryPolicy.none()).build(), AuthMethods.token(SecretValue.of(EXPIRED)))) {
      InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
          () -> c.fetchSecrets(SecretsRequest.builder().build()));
      assertEquals("environment", e.field());
      assertNoNonsense(e.getMessage());
    }
  }

  @Test
  void validationIssuesAreReadNotPastedAsJson() {
    server.faults().on(UA_LOGIN).respond(422, "{\"statusCode\":422,\"error\":\"ValidationFailure\",\"message\":"
        + "[{\"code\":\"too_small\",\"path\":[\"clientId\"],\"message\":\"String must contain at least 1 character(s)\"},"
        + "{\"code\":\"invalid_type\",\"path\":[\"a\",0]}]}");
    InfisicalException e = fetchFails(AuthMethods.universal("cid", SecretValue.of("the-client-secret")));
    assertTrue(e.getMessage().contains("(server: clientId: String must contain at least 1 character(s); a.0: "
        + "invalid_type)"), e.getMessage());
    assertNoNonsense(e.getMessage());
  }

  @Test
  void aPageOrCrashDumpIsNamedNotPasted() {
    server.faults().on(UA_LOGIN).respond(502, "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
        + "<body><pre>java.lang.IllegalStateException: boom\n\tat x.Y.z(Y.java:1)</pre></body></html>");
    InfisicalException e = fetchFails(AuthMethods.universal("cid", SecretValue.of("the-client-secret")));
    assertTrue(e.getMessage().contains("(server: an HTML page titled '502 Bad Gateway')"), e.getMessage());
    assertFalse(e.getMessage().contains("Y.java"), e.getMessage());
    assertNoNonsense(e.getMessage());
  }

  @Test
  void plainTextKeepsItsFirstLineOnly() {
    server.faults().on(UA_LOGIN).respond(500, "java.lang.NullPointerException: oops\n\tat a.B.c(B.java:9)\n\tat d.E.f");
    InfisicalException e = fetchFails(AuthMethods.universal("cid", SecretValue.of("the-client-secret")));
    assertTrue(e.getMessage().contains("(server: java.lang.NullPointerException: oops …)"), e.getMessage());
    assertFalse(e.getMessage().contains("B.java"), e.getMessage());
  }

  @Test
  void aServersMessageCannotCarryTerminalEscapesOrInvisibleCharacters() {
    server.faults().on(UA_LOGIN).respond(401, "{\"statusCode\":401,\"error\":\"UnauthorizedError\",\"message\":"
        + "\"bad\\u001b[2K\\u001b[1Aok\\u202e\\u0085\"}");
    InfisicalException e = fetchFails(AuthMethods.universal("cid", SecretValue.of("the-client-secret")));
    assertTrue(e.getMessage().contains("(server: bad<U+001B>[2K<U+001B>[1Aok<U+202E><U+0085>)"), e.getMessage());
    assertEquals("bad<U+001B>[2K<U+001B>[1Aok<U+202E><U+0085>", e.serverMessage().orElseThrow());
  }

  @Test
  void aNotFoundOnACallThatIsNotAboutASecretSaysWhatWasTried() {
    server.faults().on("/api/v1/auth/token/revoke").respond(404,
        "{\"statusCode\":404,\"message\":\"Token not found\",\"error\":\"NotFound\"}");
    try (InfisicalClient c = InfisicalClient.create(ClientConfig.builder().baseUrl(server.url())
        .retryPolicy(RetryPolicy.none()).build(), AuthMethods.universal("cid", SecretValue.of("the-client-secret")))) {
      c.accessToken();
      InfisicalException e = assertThrows(InfisicalException.class, c::revoke);
      assertTrue(e.getMessage().startsWith("Infisical found nothing while trying to revoke the access token (server: "
          + "Token not found)"), e.getMessage());
      assertNoNonsense(e.getMessage());
    }
  }
}
