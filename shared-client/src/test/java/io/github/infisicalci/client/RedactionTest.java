package io.github.infisicalci.client;

import static io.github.infisicalci.client.Routes.json;
import static io.github.infisicalci.client.Routes.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.infisicalci.client.auth.AccessGrant;
import io.github.infisicalci.client.auth.AuthMethods;
import io.github.infisicalci.client.secrets.Collision;
import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.client.secrets.Secret;
import io.github.infisicalci.client.secrets.SecretsRequest;
import io.github.infisicalci.client.secrets.SecretsResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** No secret value, client secret, JWT or token in any toString, exception message or log line. */
class RedactionTest extends ScriptedServerTest {
  private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJpZGVudGl0eSJ9.c2lnbmF0dXJlLXZhbHVl";
  private static final String VALUE = "pg-password-7d1f0c";
  private static final String JWT = "eyJraWQiOiJrMSJ9.eyJhdWQiOiJodHRwcyJ9.b2lkYy1zaWduYXR1cmU";

  @AfterEach
  void logIsClean() {
    for (String line : log) {
      assertClean(line);
    }
  }

  static void assertClean(String text) {
    for (String secret : List.of(TOKEN, VALUE, JWT, TestConfigs.CLIENT_SECRET, "hunter2", "st.tok1.0123456789abcdef")) {
      assertFalse(text.contains(secret), () -> "leaked '" + secret + "' in: " + text);
    }
  }

  static String everything(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  @Test
  void valueTypesNeverRenderSecrets() {
    SecretValue v = SecretValue.of(VALUE);
    Secret s = new Secret("DB", v, "dev", "/", Secret.Origin.LOCAL);
    assertClean(v.toString());
    assertClean(s.toString());
    assertClean(new SecretsResult("p", "dev", List.of(s), List.of(new Collision("DB", "/b", List.of("/a")))).toString());
    assertClean(new AccessGrant(SecretValue.of(TOKEN), Duration.ofSeconds(1), Duration.ZERO, true, Optional.empty()).toString());
    assertClean(new ProxySettings("proxy", 3128, "bob", SecretValue.of("hunter2"), List.of()).toString());
    assertClean(ClientConfig.builder().header("X-Token", TOKEN)
        .proxyFromEnvironment(Map.of("HTTPS_PROXY", "http://bob:hunter2@proxy:3128")).build().toString());
    assertClean(AuthMethods.universal("id", SecretValue.of(TestConfigs.CLIENT_SECRET)).toString());
    assertClean(AuthMethods.universal("id", SecretValue.of(TestConfigs.CLIENT_SECRET)).description());
    assertClean(AuthMethods.oidc("id", () -> SecretValue.of(JWT)).toString());
    assertClean(AuthMethods.kubernetes("id", Path.of("/nonexistent")).toString());
    assertClean(AuthMethods.accessToken(SecretValue.of(TOKEN)).toString());
    assertClean(AuthMethods.serviceToken(SecretValue.of("st.tok1.0123456789abcdef")).toString());
    assertClean(new Listing.Raw("DB", v, false, "dev", "/").toString());
    assertClean(ApiCall.post("/api/v1/auth/universal-auth/login").bearer(SecretValue.of(TOKEN))
        .body(Map.of("clientSecret", SecretValue.of(TestConfigs.CLIENT_SECRET))).build().toString());
  }

  @Test
  void invalidInputsDoNotEchoSecrets() {
    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> AuthMethods.serviceToken(SecretValue.of("st.only-two-parts-hunter2")));
    assertClean(e.getMessage());
    e = assertThrows(InvalidConfigurationException.class, () -> AuthMethods.accessToken(SecretValue.of("st.tok1.0123456789abcdef")));
    assertClean(e.getMessage());
  }

  @Test
  void serverEchoingTokensAndSecretsInErrorsIsRedacted() {
    routes.on("POST", "/api/v1/auth/universal-auth/login", login(TOKEN, 3600, 0));
    routes.on("GET", "/api/v4/secrets", json(400, "{\"reqId\":\"r\",\"statusCode\":400,\"error\":\"BadRequest\","
        + "\"message\":\"bad token " + TOKEN + " and Bearer abc.def and secret " + TestConfigs.CLIENT_SECRET
        + " and st.tok1.0123456789abcdef\"}"));
    try (InfisicalClient c = InfisicalClient.create(config().build(), TestConfigs.universal())) {
      InfisicalException e = assertThrows(InfisicalException.class, () -> c.fetchSecrets(
          SecretsRequest.builder().project(ProjectRef.id("p")).environment("dev").build()));
      assertClean(everything(e));
      assertClean(e.serverMessage().orElseThrow());
      assertFalse(e.serverMessage().orElseThrow().contains("abc.def"));
      assertClean(e.context().toString());
    }
  }

  @Test
  void refusedLoginEchoingTheClientSecretIsRedacted() {
    routes.on("POST", "/api/v1/auth/universal-auth/login", json(401, "{\"statusCode\":401,\"error\":\"Unauthorized\","
        + "\"message\":\"Invalid credentials for " + TestConfigs.CLIENT_SECRET + "\"}"));
    try (InfisicalClient c = InfisicalClient.create(config().build(), TestConfigs.universal())) {
      AuthenticationException e = assertThrows(AuthenticationException.class, c::accessToken);
      assertClean(everything(e));
    }
  }

  @Test
  void oidcLoginFailureDoesNotShowTheJwt() {
    routes.on("POST", "/api/v1/auth/oidc-auth/login", json(500, "{\"statusCode\":500,\"error\":\"Internal\","
        + "\"message\":\"OIDC error for jwt " + JWT + "\"}"));
    try (InfisicalClient c = InfisicalClient.create(config().build(),
        AuthMethods.oidc("identity-1", () -> SecretValue.of(JWT)))) {
      InfisicalException e = assertThrows(InfisicalException.class, c::accessToken);
      assertClean(everything(e));
    }
  }

  @Test
  void logLinesHoldNoSecrets() {
    routes.on("POST", "/api/v1/auth/universal-auth/login", login(TOKEN, 3600, 0));
    routes.on("GET", "/api/v4/secrets", Routes.secrets("DB", VALUE));
    try (InfisicalClient c = InfisicalClient.create(config().build(), TestConfigs.universal())) {
      SecretsResult r = c.fetchSecrets(SecretsRequest.builder().project(ProjectRef.id("p")).environment("dev").build());
      assertEquals(VALUE, r.get("DB").orElseThrow().value().reveal());
      assertClean(r.toString());
    }
    assertFalse(log.isEmpty());
  }

  @Test
  void redactorMasksKnownSecretsAndTokenShapes() {
    Redactor r = new Redactor();
    r.remember(SecretValue.of("my-client-secret-xyz"));
    assertEquals("a **** b **** c Bearer **** d ****",
        r.redact("a my-client-secret-xyz b " + TOKEN + " c Bearer opaque-token d st.abc.def"));
  }
}
