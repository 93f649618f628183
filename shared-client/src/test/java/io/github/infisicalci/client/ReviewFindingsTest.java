package io.github.infisicalci.client;

import static io.github.infisicalci.client.Routes.json;
import static io.github.infisicalci.client.Routes.login;
import static io.github.infisicalci.client.Routes.secrets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.client.secrets.SecretsRequest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Problems found in the review of the client, each pinned by a test that failed before its fix. */
class ReviewFindingsTest extends ScriptedServerTest {
  private static final String GATEWAY_TOKEN = "gw-token-5a7e9c31d2";

  private static SecretsRequest request() {
    return SecretsRequest.builder().project(ProjectRef.id("p1")).environment("dev").build();
  }

  @Test
  void extraHeaderValuesEchoedByTheServerAreRedacted() {
    routes.on("POST", "/api/v1/auth/universal-auth/login", login("tok-1", 3600, 0));
    routes.on("GET", "/api/v4/secrets", json(400, "{\"reqId\":\"r\",\"statusCode\":400,\"error\":\"BadRequest\","
        + "\"message\":\"gateway said X-Gateway-Token " + GATEWAY_TOKEN + " is odd\"}"));
    try (InfisicalClient c = InfisicalClient.create(config().header("X-Gateway-Token", GATEWAY_TOKEN).build(),
        TestConfigs.universal(), time.timing())) {
      InfisicalException e = assertThrows(InfisicalException.class, () -> c.fetchSecrets(request()));
      assertFalse(RedactionTest.everything(e).contains(GATEWAY_TOKEN), e.getMessage());
      assertFalse(e.serverMessage().orElseThrow().contains(GATEWAY_TOKEN), e.serverMessage().orElseThrow());
    }
    assertEquals(GATEWAY_TOKEN, routes.to("GET", "/api/v4/secrets").get(0).getHeader("X-Gateway-Token"));
    log.forEach(line -> assertFalse(line.contains(GATEWAY_TOKEN), line));
  }

  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775807", "99999999999999999999"})
  void hugeRetryAfterFailsFastInsteadOfOverflowingOrIgnoringIt(String retryAfter) {
    routes.on("POST", "/api/v1/auth/universal-auth/login", login("tok-1", 3600, 0));
    routes.on("GET", "/api/v4/secrets", Routes.error(429, "RateLimitError", "slow down").setHeader("Retry-After",
        retryAfter));
    try (InfisicalClient c = client()) {
      RetriesExhaustedException e = assertThrows(RetriesExhaustedException.class, () -> c.fetchSecrets(request()));
      assertEquals(1, e.attempts());
      assertTrue(e.getMessage().contains("beyond the retry budget of 30.0 s"), e.getMessage());
    }
    assertTrue(time.sleeps.isEmpty(), time.sleeps.toString());
    assertEquals(1, routes.to("GET", "/api/v4/secrets").size());
  }

  @Test
  void anInterruptedThreadStopsAtOnceAndKeepsItsInterruptFlag() {
    routes.on("POST", "/api/v1/auth/universal-auth/login", Routes.error(503, "Unavailable", "down"));
    try (InfisicalClient c = client()) {
      Thread.currentThread().interrupt();
      InfisicalException e;
      try {
        e = assertThrows(InfisicalException.class, () -> c.fetchSecrets(request()));
      } finally {
        assertTrue(Thread.interrupted(), "the interrupt flag must survive the call");
      }
      assertTrue(e.getMessage().contains("nterrupted"), e.getMessage());
    }
    assertTrue(routes.requests.size() <= 1, "attempts after the interrupt: " + routes.requests.size());
    assertTrue(time.sleeps.isEmpty(), time.sleeps.toString());
  }

  @Test
  void aMultiPathFetchStopsWhenItsCallerIsInterrupted() throws Exception {
    routes.on("POST", "/api/v1/auth/universal-auth/login", login("tok-1", 3600, 0));
    routes.on("GET", "/api/v4/secrets", secrets("A", "1").setHeadersDelay(4, TimeUnit.SECONDS));
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean flagKept = new AtomicBoolean();
    try (InfisicalClient c = client()) {
      c.accessToken(); // log in first: only the listing is slow
      Thread caller = new Thread(() -> {
        try {
          c.fetchSecrets(SecretsRequest.builder().project(ProjectRef.id("p1")).environment("dev")
              .path("/a").path("/b").build());
        } catch (RuntimeException e) {
          failure.set(e);
        }
        flagKept.set(Thread.currentThread().isInterrupted());
      });
      caller.start();
      while (routes.to("GET", "/api/v4/secrets").isEmpty()) {
        Thread.sleep(10);
      }
      caller.interrupt();
      caller.join(Duration.ofSeconds(2).toMillis());
      assertFalse(caller.isAlive(), "the caller still waits for the paths after being interrupted");
    }
    assertTrue(failure.get() instanceof InfisicalConnectionException, String.valueOf(failure.get()));
    assertTrue(failure.get().getMessage().contains("nterrupted"), failure.get().getMessage());
    assertTrue(flagKept.get(), "the interrupt flag must survive the call");
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "."})
  void dotSegmentKeysAreRejectedBeforeAnyRequest(String key) {
    try (InfisicalClient c = client()) {
      InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
          () -> c.getSecret(ProjectRef.id("p1"), "dev", "/", key));
      assertEquals("key", e.field());
      assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
      assertFalse(c.usesV3());
    }
    assertTrue(routes.requests.isEmpty(), "requests sent: " + routes.requests.size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "."})
  void dotSegmentProjectsAreRejected(String value) {
    for (java.util.function.Supplier<ProjectRef> ref : java.util.List.<java.util.function.Supplier<ProjectRef>>of(
        () -> ProjectRef.slug(value), () -> ProjectRef.id(value))) {
      InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, ref::get);
      assertEquals("project", e.field());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://bob:s3cr3t-pw@host.example", "https://bob:s3cr3t-pw@ho st.example/",
      "https://bob:s3cr3t-pw@@host.example", "https://bob:s3cr3t-pw@/api"})
  void badBaseUrlsNeverEchoTheirCredentials(String url) {
    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> ClientConfig.builder().baseUrl(url).build());
    assertEquals("baseUrl", e.field());
    assertFalse(e.getMessage().contains("s3cr3t-pw"), e.getMessage());
  }

  @Test
  void backoffNeverWrapsAroundForLongInitialDelays() {
    RetryPolicy policy = new RetryPolicy(40, Duration.ofMillis((1L << 35) + 1), Duration.ofMillis(Long.MAX_VALUE / 4),
        Duration.ofMillis(Long.MAX_VALUE / 2));
    Api api = new Api(new okhttp3.OkHttpClient(), config().retryPolicy(policy).build(),
        new Timing(time, time, () -> 0.0), new Redactor());
    for (int attempt = 2; attempt < 40; attempt++) {
      assertTrue(api.backoff(attempt).compareTo(api.backoff(attempt - 1)) >= 0, "attempt " + attempt);
    }
  }

  @Test
  void noProxyCidrEntriesMatchAddressLiterals() {
    ProxySettings p = new ProxySettings("proxy", 3128, null, null,
        java.util.List.of("10.0.0.0/8", "192.168.1.0/24", "fd00::/8", "0.0.1", "172.16.5.4/32"));
    assertTrue(p.bypasses("10.1.2.3"));
    assertTrue(p.bypasses("10.255.255.255"));
    assertFalse(p.bypasses("11.0.0.1"));
    assertTrue(p.bypasses("192.168.1.77"));
    assertFalse(p.bypasses("192.168.2.1"));
    assertTrue(p.bypasses("172.16.5.4"));
    assertFalse(p.bypasses("172.16.5.5"));
    assertTrue(p.bypasses("[fd12:3456::1]"));
    assertTrue(p.bypasses("fd12:3456::1"));
    assertFalse(p.bypasses("[fe80::1]"));
    assertFalse(p.bypasses("1.0.0.1"), "a domain suffix rule never matches part of an address");
    assertFalse(p.bypasses("10.example.com"), "a CIDR never matches a host name");
  }

  @Test
  void noProxyCidrFromTheEnvironmentBypassesTheProxy() {
    ClientConfig c = ClientConfig.builder().baseUrl("http://127.0.0.1:8080")
        .proxyFromEnvironment(java.util.Map.of("HTTP_PROXY", "http://proxy:3128", "NO_PROXY", "localhost, 127.0.0.0/8"))
        .build();
    assertTrue(c.proxy().isEmpty());
    ClientConfig other = ClientConfig.builder().baseUrl("http://10.1.1.1:8080")
        .proxyFromEnvironment(java.util.Map.of("HTTP_PROXY", "http://proxy:3128", "NO_PROXY", "127.0.0.0/8"))
        .build();
    assertEquals("proxy", other.proxy().orElseThrow().host());
  }

  @Test
  void malformedCidrEntriesMatchNothing() {
    ProxySettings p = new ProxySettings("proxy", 3128, null, null,
        java.util.List.of("10.0.0.0/33", "10.0.0.0/x", "not-an-ip/8", "/8"));
    assertFalse(p.bypasses("10.0.0.1"));
  }

  @Test
  void noProxySuffixForms() {
    ProxySettings p = new ProxySettings("proxy", 3128, null, null, java.util.List.of(".example.com", "*.corp.test"));
    assertTrue(p.bypasses("a.example.com"));
    assertTrue(p.bypasses("example.com"));
    assertFalse(p.bypasses("notexample.com"));
    assertTrue(p.bypasses("x.y.corp.test"));
    assertFalse(p.bypasses("corp.test.evil"));
  }

  @Test
  void urlsKeepTheBasePathEncodeQueryValuesAndHaveNoDoubleSlashes() {
    routes.on("POST", "/infisical/api/v1/auth/universal-auth/login", login("tok-1", 3600, 0));
    routes.on("GET", "/infisical/api/v4/secrets", secrets("A", "1"));
    routes.on("GET", "/infisical/api/v4/secrets/KEY_1", json(200, "{\"secret\":{\"secretKey\":\"KEY_1\","
        + "\"secretValue\":\"v\",\"type\":\"shared\",\"environment\":\"dev\",\"secretPath\":\"/a b/\u00fc\"}}"));
    routes.on("GET", "/infisical/api/v1/projects/slug/my-proj.x_1", json(200,
        "{\"id\":\"p1\",\"slug\":\"my-proj.x_1\",\"name\":\"P\",\"environments\":[{\"slug\":\"dev\",\"name\":\"D\",\"id\":\"e\"}]}"));
    ClientConfig cfg = config().baseUrl(server.url("/infisical/api/").toString()).build();
    try (InfisicalClient c = InfisicalClient.create(cfg, TestConfigs.universal(), time.timing())) {
      c.fetchSecrets(SecretsRequest.builder().project(ProjectRef.slug("my-proj.x_1")).environment("dev")
          .path("/a b/\u00fc").build());
      assertEquals("v", c.getSecret(ProjectRef.id("p1"), "dev", "/a b/\u00fc", "KEY_1").value().reveal());
    }
    for (okhttp3.mockwebserver.RecordedRequest r : routes.requests) {
      assertFalse(r.getPath().contains("//"), r.getPath());
      assertTrue(r.getPath().startsWith("/infisical/api/"), r.getPath());
    }
    okhttp3.HttpUrl list = routes.to("GET", "/infisical/api/v4/secrets").get(0).getRequestUrl();
    assertEquals("/a b/\u00fc", list.queryParameter("secretPath"));
    assertEquals("p1", list.queryParameter("projectId"));
    okhttp3.HttpUrl one = routes.to("GET", "/infisical/api/v4/secrets/KEY_1").get(0).getRequestUrl();
    assertEquals("/a b/\u00fc", one.queryParameter("secretPath"));
    assertEquals("shared", one.queryParameter("type"));
  }

  @Test
  void callTimeoutIsApplied() {
    routes.on("POST", "/api/v1/auth/universal-auth/login", login("tok-1", 3600, 0));
    routes.on("GET", "/api/v4/secrets", secrets("A", "0123456789".repeat(20)).throttleBody(10, 100,
        TimeUnit.MILLISECONDS));
    ClientConfig cfg = config().retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofSeconds(10))
        .callTimeout(Duration.ofMillis(700)).build();
    try (InfisicalClient c = InfisicalClient.create(cfg, TestConfigs.universal(), time.timing())) {
      InfisicalConnectionException e = assertThrows(InfisicalConnectionException.class, () -> c.fetchSecrets(request()));
      assertTrue(e.getMessage().contains("timed out"), e.getMessage());
      assertTrue(e.getMessage().contains("list secrets"), e.getMessage());
    }
  }

  @Test
  void proxyCredentialsEchoedByTheProxyAreRedacted() {
    String password = "proxy-pass-8c1d2e";
    String basic = okhttp3.Credentials.basic("bob", password);
    server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
      @Override
      public okhttp3.mockwebserver.MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest r) {
        String auth = r.getHeader("Proxy-Authorization");
        if (auth == null) {
          return new okhttp3.mockwebserver.MockResponse().setResponseCode(407)
              .setHeader("Proxy-Authenticate", "Basic realm=\"p\"");
        }
        return json(400, "{\"error\":\"BadRequest\",\"message\":\"proxy saw " + auth + " i.e. bob:" + password + "\"}");
      }
    });
    ClientConfig cfg = config().baseUrl("http://infisical.test")
        .proxyFromEnvironment(java.util.Map.of("HTTP_PROXY", "http://bob:" + password + "@127.0.0.1:" + server.getPort()))
        .build();
    try (InfisicalClient c = InfisicalClient.create(cfg, TestConfigs.universal(), time.timing())) {
      InfisicalException e = assertThrows(InfisicalException.class, c::accessToken);
      String all = RedactionTest.everything(e) + e.serverMessage().orElse("");
      assertTrue(all.contains("proxy saw"), all);
      assertFalse(all.contains(password), all);
      assertFalse(all.contains(basic.substring("Basic ".length())), all);
    }
    log.forEach(line -> assertFalse(line.contains(password), line));
  }

  @Test
  void anInterruptDuringTheBackoffSleepEndsTheCallPromptly() throws Exception {
    routes.on("POST", "/api/v1/auth/universal-auth/login", login("tok-1", 3600, 0));
    routes.on("GET", "/api/v4/secrets", Routes.error(503, "Unavailable", "down").setHeader("Retry-After", "20"));
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean flagKept = new AtomicBoolean();
    try (InfisicalClient c = InfisicalClient.create(config().build(), TestConfigs.universal())) { // real sleeper
      Thread caller = new Thread(() -> {
        try {
          c.fetchSecrets(request());
        } catch (RuntimeException e) {
          failure.set(e);
        }
        flagKept.set(Thread.currentThread().isInterrupted());
      });
      caller.start();
      while (log.stream().noneMatch(l -> l.startsWith("Retrying GET /api/v4/secrets"))) {
        Thread.sleep(10);
      }
      caller.interrupt();
      caller.join(Duration.ofSeconds(5).toMillis());
      assertFalse(caller.isAlive(), "still sleeping after the interrupt");
    }
    assertTrue(failure.get() instanceof InfisicalConnectionException, String.valueOf(failure.get()));
    assertTrue(failure.get().getMessage().contains("Interrupted while waiting to retry list secrets"),
        failure.get().getMessage());
    assertTrue(flagKept.get());
    assertEquals(1, routes.to("GET", "/api/v4/secrets").size());
  }

  @Test
  void aRejectedRevokeBlamesTheTokenNotTheLogin() {
    routes.on("POST", "/api/v1/auth/universal-auth/login", login("tok-1", 3600, 0));
    routes.on("POST", "/api/v1/auth/token/revoke", Routes.error(401, "UnauthorizedError", "Token revoked"));
    try (InfisicalClient c = client()) {
      c.accessToken();
      AuthenticationException e = assertThrows(AuthenticationException.class, c::revoke);
      assertTrue(e.getMessage().startsWith("Access token rejected"), e.getMessage());
      assertTrue(e.getMessage().contains("revoke the access token"), e.getMessage());
    }
  }

  @Test
  void givenTokensLoseSurroundingWhitespaceAndInnerBlanksAreNamed() throws Exception {
    routes.on("GET", "/api/v4/secrets", secrets("A", "1"));
    try (InfisicalClient c = InfisicalClient.create(config().build(),
        io.github.infisicalci.client.auth.AuthMethods.token(SecretValue.of("  tok-from-file-77\n")), time.timing())) {
      c.fetchSecrets(request());
    }
    assertEquals("Bearer tok-from-file-77", routes.to("GET", "/api/v4/secrets").get(0).getHeader("Authorization"));
    for (String bad : java.util.List.of("tok en-secret-part", "tok\nen-secret-part", "st.id.se cret-part", "t\u00f6ken-secret-part")) {
      InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
          () -> io.github.infisicalci.client.auth.AuthMethods.token(SecretValue.of(bad)));
      assertEquals("token", e.field());
      assertFalse(e.getMessage().contains("secret-part"), e.getMessage());
    }
  }

  @Test
  void aLoginAnswerWithAnUnsendableTokenIsAClearError() {
    routes.on("POST", "/api/v1/auth/universal-auth/login", json(200,
        "{\"accessToken\":\"tok-secret-part\\nx\",\"expiresIn\":3600,\"accessTokenMaxTTL\":0}"));
    routes.on("GET", "/api/v4/secrets", secrets("A", "1"));
    try (InfisicalClient c = client()) {
      InfisicalException e = assertThrows(InfisicalException.class, () -> c.fetchSecrets(request()));
      assertTrue(e.getMessage().contains("accessToken"), e.getMessage());
      assertFalse(e.getMessage().contains("secret-part"), e.getMessage());
    }
    assertTrue(routes.to("GET", "/api/v4/secrets").isEmpty());
  }
}
