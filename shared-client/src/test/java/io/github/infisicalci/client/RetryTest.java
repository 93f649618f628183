package io.github.infisicalci.client;

import static io.github.infisicalci.client.Routes.error;
import static io.github.infisicalci.client.Routes.json;
import static io.github.infisicalci.client.Routes.login;
import static io.github.infisicalci.client.Routes.secrets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.client.secrets.SecretsRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest extends ScriptedServerTest {
  @BeforeEach
  void acceptLogin() {
    routes.on("POST", "/api/v1/auth/universal-auth/login", login("tok-1", 3600, 0));
  }

  private InfisicalClient client(RetryPolicy policy) {
    return InfisicalClient.create(config().retryPolicy(policy)
        .readTimeout(Duration.ofMillis(300)).build(), TestConfigs.universal(), time.timing());
  }

  @Override
  InfisicalClient client() {
    return client(TestConfigs.fastRetries());
  }

  private static SecretsRequest request() {
    return SecretsRequest.builder().project(ProjectRef.id("p1")).environment("dev").build();
  }

  private int listCalls() {
    return routes.to("GET", "/api/v4/secrets").size();
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 502, 503, 504})
  void retriesTransientStatuses(int status) {
    routes.on("GET", "/api/v4/secrets", error(status, "Err", "try later"), error(status, "Err", "try later"),
        secrets("A", "1"));
    try (InfisicalClient c = client()) {
      assertEquals("1", c.fetchSecrets(request()).get("A").orElseThrow().value().reveal());
    }
    assertEquals(3, listCalls());
    assertEquals(2, time.sleeps.size());
    // backoff with jitter 0.5: half + half of the rest of 100 ms, then of 200 ms
    assertEquals(List.of(Duration.ofMillis(75), Duration.ofMillis(150)), time.sleeps);
  }

  @Test
  void backoffIsExponentialWithJitterAndCapped() {
    RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(60));
    ClientConfig cfg = config().retryPolicy(policy).build();
    double[] chance = {0.0};
    Api api = new Api(new okhttp3.OkHttpClient(), cfg, new Timing(time, time, () -> chance[0]), new Redactor());
    assertEquals(Duration.ofMillis(50), api.backoff(1));
    assertEquals(Duration.ofMillis(200), api.backoff(3));
    assertEquals(Duration.ofMillis(500), api.backoff(5), "capped at maxBackoff");
    assertEquals(Duration.ofMillis(500), api.backoff(60), "no overflow");
    chance[0] = 0.999;
    assertEquals(Duration.ofMillis(99), api.backoff(1));
    assertEquals(Duration.ofMillis(799), api.backoff(4));
    assertEquals(Duration.ofMillis(999), api.backoff(9));
  }

  @Test
  void status500IsRetriedOnlyWithRetryAfter() {
    routes.on("GET", "/api/v4/secrets",
        error(500, "Internal Server Error", "Something went wrong").setHeader("retry-after", "2"), secrets("A", "1"));
    try (InfisicalClient c = client()) {
      c.fetchSecrets(request());
    }
    assertEquals(2, listCalls());
    assertEquals(List.of(Duration.ofSeconds(2)), time.sleeps);
  }

  @Test
  void status500WithoutRetryAfterFailsAtOnce() {
    routes.on("GET", "/api/v4/secrets", error(500, "Internal Server Error", "Something went wrong"), secrets("A", "1"));
    try (InfisicalClient c = client()) {
      InfisicalException e = assertThrows(InfisicalException.class, () -> c.fetchSecrets(request()));
      assertEquals(500, e.status().getAsInt());
      assertEquals("req-1", e.reqId().orElseThrow());
    }
    assertEquals(1, listCalls());
    assertTrue(time.sleeps.isEmpty());
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 422})
  void clientErrorsFailAtOnce(int status) {
    routes.on("GET", "/api/v4/secrets", error(status, "SomeError", "no"), secrets("A", "1"));
    try (InfisicalClient c = InfisicalClient.create(config().build(),
        io.github.infisicalci.client.auth.AuthMethods.accessToken(SecretValue.of("given-token")), time.timing())) {
      InfisicalException e = assertThrows(InfisicalException.class, () -> c.fetchSecrets(request()));
      assertEquals(status, e.status().getAsInt());
    }
    assertEquals(1, listCalls());
    assertTrue(time.sleeps.isEmpty());
  }

  @Test
  void retryAfterSecondsIsHonoured() {
    routes.on("GET", "/api/v4/secrets",
        error(429, "RateLimitError", "Rate limit exceeded. Please try again in 7 seconds").setHeader("Retry-After", "7"),
        secrets("A", "1"));
    try (InfisicalClient c = client()) {
      c.fetchSecrets(request());
    }
    assertEquals(List.of(Duration.ofSeconds(7)), time.sleeps);
  }

  @Test
  void retryAfterHttpDateIsHonoured() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.ofInstant(time.instant().plusSeconds(12), ZoneOffset.UTC));
    routes.on("GET", "/api/v4/secrets", error(503, "Unavailable", "down").setHeader("Retry-After", date),
        secrets("A", "1"));
    try (InfisicalClient c = client()) {
      c.fetchSecrets(request());
    }
    assertEquals(List.of(Duration.ofSeconds(12)), time.sleeps);
  }

  @Test
  void droppedConnectionsAreRetried() {
    routes.on("GET", "/api/v4/secrets", new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST),
        secrets("A", "1").setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY), secrets("A", "1"));
    try (InfisicalClient c = client()) {
      assertEquals("1", c.fetchSecrets(request()).get("A").orElseThrow().value().reveal());
    }
    assertEquals(3, listCalls());
  }

  @Test
  void timeoutsAreRetried() {
    routes.on("GET", "/api/v4/secrets", new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE), secrets("A", "1"));
    try (InfisicalClient c = client()) {
      assertEquals("1", c.fetchSecrets(request()).get("A").orElseThrow().value().reveal());
    }
    assertEquals(2, listCalls());
    assertTrue(log.stream().anyMatch(l -> l.startsWith("Retrying GET /api/v4/secrets")), log.toString());
  }

  @Test
  void loginRetriedAfterServiceUnavailable() throws IOException {
    server.shutdown();
    MockWebServer s2 = new MockWebServer();
    Routes r2 = new Routes();
    r2.on("POST", "/api/v1/auth/universal-auth/login", error(503, "Unavailable", "down"), login("tok-2", 3600, 0));
    r2.on("GET", "/api/v4/secrets", secrets("A", "1"));
    s2.setDispatcher(r2);
    s2.start();
    try (InfisicalClient c = InfisicalClient.create(TestConfigs.base(s2, log).build(), TestConfigs.universal(),
        time.timing())) {
      c.fetchSecrets(request());
      assertEquals("tok-2", c.accessToken().reveal());
    } finally {
      s2.shutdown();
    }
    assertEquals(2, r2.to("POST", "/api/v1/auth/universal-auth/login").size());
  }

  @Test
  void attemptsExhaustedGivesClearError() {
    routes.on("GET", "/api/v4/secrets", error(503, "Unavailable", "maintenance"));
    try (InfisicalClient c = client()) {
      RetriesExhaustedException e = assertThrows(RetriesExhaustedException.class, () -> c.fetchSecrets(request()));
      assertEquals(4, e.attempts());
      assertTrue(e.getMessage().startsWith("Gave up trying to list secrets after 4 attempts"), e.getMessage());
      assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
      assertInstanceOf(InfisicalException.class, e.getCause());
      assertEquals(503, e.status().getAsInt());
    }
    assertEquals(4, listCalls());
  }

  @Test
  void budgetExhaustedGivesClearError() {
    routes.on("GET", "/api/v4/secrets", error(429, "RateLimitError", "slow down").setHeader("Retry-After", "20"));
    RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30));
    try (InfisicalClient c = client(policy)) {
      RetriesExhaustedException e = assertThrows(RetriesExhaustedException.class, () -> c.fetchSecrets(request()));
      assertEquals(2, e.attempts());
      assertTrue(e.getMessage().contains("beyond the retry budget of 30.0 s"), e.getMessage());
    }
    assertEquals(List.of(Duration.ofSeconds(20)), time.sleeps);
  }

  @Test
  void noRetryPolicyThrowsTheFailureItself() {
    routes.on("GET", "/api/v4/secrets", error(503, "Unavailable", "down"));
    try (InfisicalClient c = client(RetryPolicy.none())) {
      InfisicalException e = assertThrows(InfisicalException.class, () -> c.fetchSecrets(request()));
      assertEquals(503, e.status().getAsInt());
      assertTrue(!(e instanceof RetriesExhaustedException));
    }
    assertEquals(1, listCalls());
  }

  @Test
  void connectionRefusedExhaustsIntoConnectionFailure() throws IOException {
    int port = server.getPort();
    server.shutdown();
    ClientConfig cfg = ClientConfig.builder().baseUrl("http://127.0.0.1:" + port).logSink(log::add)
        .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5))).build();
    try (InfisicalClient c = InfisicalClient.create(cfg, TestConfigs.universal(), time.timing())) {
      RetriesExhaustedException e = assertThrows(RetriesExhaustedException.class, () -> c.fetchSecrets(request()));
      assertInstanceOf(InfisicalConnectionException.class, e.getCause());
      assertTrue(e.getMessage().contains("log in with universal auth"), e.getMessage());
      assertTrue(e.status().isEmpty());
    }
  }

  @Test
  void serverErrorFieldsAreExposed() {
    routes.on("GET", "/api/v4/secrets", json(422, "{\"reqId\":\"r-9\",\"statusCode\":422,\"error\":\"ValidationFailure\","
        + "\"message\":[{\"path\":[\"environment\"],\"message\":\"Required\"}]}"));
    try (InfisicalClient c = client()) {
      InfisicalException e = assertThrows(InfisicalException.class, () -> c.fetchSecrets(request()));
      assertEquals("ValidationFailure", e.errorCode().orElseThrow());
      assertEquals("r-9", e.reqId().orElseThrow());
      assertTrue(e.serverMessage().orElseThrow().contains("Required"));
      assertEquals("dev", e.context().environment());
      assertEquals("/", e.context().path());
      assertEquals("p1", e.context().project());
    }
  }
}
