package io.github.infisicalci.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.devserver.Seed;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** method: oidc with a stand-in for the runner's ID-token endpoint. */
class OidcActionTest {
  static final String GOOD_JWT = jwt("repo:acme/shop:ref:refs/heads/main", "acme-infisical", "acme/shop", "refs/heads/main");
  static final String OTHER_JWT = jwt("repo:acme/fork:ref:refs/heads/dev", "acme-infisical", "acme/fork", "refs/heads/dev");
  static final String REQUEST_TOKEN = "runner-request-token-31337";

  @TempDir Path tmp;
  DevServer server;
  HttpServer tokenEndpoint;
  final List<String> requests = new CopyOnWriteArrayList<>();
  final AtomicInteger failuresLeft = new AtomicInteger();
  volatile String issued = GOOD_JWT;
  volatile int forcedStatus;
  volatile String forcedBody = "{}";
  RunnerSim runner;

  static String jwt(String sub, String aud, String repository, String ref) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload = b64.encodeToString(("{\"sub\":\"" + sub + "\",\"aud\":\"" + aud + "\",\"repository\":\""
        + repository + "\",\"ref\":\"" + ref + "\",\"iss\":\"https://token.actions.githubusercontent.com\"}")
        .getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + ".c2lnbmF0dXJlLW5vdC1jaGVja2Vk";
  }

  @BeforeEach
  void start() throws Exception {
    server = DevServer.start(Seed.builder()
        .project("shop", p -> p.secret("dev", "/", "API_KEY", "api-key-from-oidc"))
        .identity("gh", i -> i.id("11111111-2222-3333-4444-555555555555").oidcAuth(GOOD_JWT).member("shop", "viewer"))
        .identity("gh-claims", i -> i.id("66666666-2222-3333-4444-555555555555")
            .oidcBoundClaims(Map.of("repository", "acme/shop")).member("shop", "viewer"))
        .build());
    tokenEndpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    tokenEndpoint.createContext("/token", exchange -> {
      requests.add(exchange.getRequestURI().getRawQuery() + " auth=" + exchange.getRequestHeaders().getFirst("Authorization"));
      byte[] body;
      int status;
      if (forcedStatus != 0) {
        status = forcedStatus;
        body = forcedBody.getBytes(StandardCharsets.UTF_8);
      } else if (failuresLeft.getAndDecrement() > 0) {
        status = 503;
        body = "{}".getBytes(StandardCharsets.UTF_8);
      } else {
        status = 200;
        body = ("{\"value\":\"" + issued + "\"}").getBytes(StandardCharsets.UTF_8);
      }
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    tokenEndpoint.start();
    runner = new RunnerSim(tmp);
    runner.input("method", "oidc").input("identity-id", "11111111-2222-3333-4444-555555555555")
        .input("oidc-audience", "acme-infisical").input("domain", server.url())
        .input("project-slug", "shop").input("env-slug", "dev");
    runner.env.put("ACTIONS_ID_TOKEN_REQUEST_URL",
        "http://127.0.0.1:" + tokenEndpoint.getAddress().getPort() + "/token?api-version=2.0");
    runner.env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", REQUEST_TOKEN);
  }

  @AfterEach
  void stop() {
    tokenEndpoint.stop(0);
    server.close();
  }

  @Test
  void logsInWithTheJobsIdTokenAndItsAudience() throws Exception {
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    assertEquals(Map.of("API_KEY", "api-key-from-oidc"), runner.exportedEnv());
    assertEquals(List.of("api-version=2.0&audience=acme-infisical auth=Bearer " + REQUEST_TOKEN), requests);
    assertTrue(run.masks().contains(GOOD_JWT), "the ID token is masked");
    assertTrue(run.masks().contains(REQUEST_TOKEN));
    assertFalse(run.visible().contains(GOOD_JWT));
  }

  @Test
  void retriesTheTokenEndpoint() throws Exception {
    failuresLeft.set(2);
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    assertEquals(3, requests.size());
    assertTrue(run.stdout().contains("retrying (2/4)"), run.stdout());
  }

  @Test
  void missingIdTokenPermissionIsExplained() {
    runner.env.remove("ACTIONS_ID_TOKEN_REQUEST_URL");
    runner.env.remove("ACTIONS_ID_TOKEN_REQUEST_TOKEN");
    RunnerSim.Run run = runner.run();
    assertEquals(1, run.exitCode());
    assertTrue(String.join("\n", run.errors()).contains("permissions: id-token: write"), run.stdout());
    assertEquals(0, server.calls().all().size());
  }

  @Test
  void rejectedTokenShowsItsClaimsButNotTheToken() {
    issued = OTHER_JWT;
    RunnerSim.Run run = runner.run();
    assertEquals(1, run.exitCode(), run.stdout());
    String errors = String.join("\n", run.errors());
    assertTrue(errors.contains("sub='repo:acme/fork:ref:refs/heads/dev'"), errors);
    assertTrue(errors.contains("aud='acme-infisical'"), errors);
    assertTrue(errors.contains("repository='acme/fork'"), errors);
    assertTrue(errors.contains("ref='refs/heads/dev'"), errors);
    assertFalse(run.visible().contains(OTHER_JWT));
    assertFalse(run.visible().contains(OTHER_JWT.split("\\.")[1]));
  }

  @Test
  void refusedTokenRequestNamesThePermission() {
    forcedStatus = 403;
    RunnerSim.Run run = runner.run();
    assertEquals(1, run.exitCode(), run.stdout());
    String errors = String.join("\n", run.errors());
    assertTrue(errors.contains("HTTP 403") && errors.contains("check that the job has 'permissions: id-token: write'"),
        run.stdout());
    assertFalse(errors.contains("IdTokenException"), errors);
    assertEquals(0, server.calls().all().size(), "no login without a token");
  }

  @Test
  void failingTokenEndpointSaysAfterHowManyAttempts() {
    forcedStatus = 500;
    runner.input("retries", "1");
    RunnerSim.Run run = runner.run();
    assertEquals(1, run.exitCode(), run.stdout());
    String errors = String.join("\n", run.errors());
    assertTrue(errors.contains("after 2 attempts (last: HTTP 500)"), run.stdout());
    assertFalse(errors.contains("IdTokenException"), errors);
    assertEquals(2, requests.size());
  }

  @Test
  void answerWithoutATokenSaysWhichFieldIsMissing() {
    forcedStatus = 200;
    forcedBody = "{\"count\":0}";
    RunnerSim.Run run = runner.run();
    assertEquals(1, run.exitCode(), run.stdout());
    String errors = String.join("\n", run.errors());
    assertTrue(errors.contains("held no token (field 'value')"), run.stdout());
    assertFalse(errors.contains("IdTokenException"), errors);
  }

  @Test
  void expiredIdTokenGetsAnExpiryHintWithExpAndIat() {
    long now = java.time.Instant.now().getEpochSecond();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    issued = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(("{\"sub\":\"repo:acme/shop:ref:refs/heads/main\",\"repository\":\"acme/shop\","
            + "\"iat\":" + (now - 900) + ",\"exp\":" + (now - 600) + "}").getBytes(StandardCharsets.UTF_8))
        + ".c2ln";
    runner.input("identity-id", "66666666-2222-3333-4444-555555555555");
    RunnerSim.Run run = runner.run();
    assertEquals(1, run.exitCode(), run.stdout());
    String errors = String.join("\n", run.errors());
    assertTrue(errors.contains("the GitHub ID token had expired: exp=" + (now - 600)), errors);
    assertTrue(errors.contains("iat=" + (now - 900)), errors);
    assertFalse(errors.contains("bound claims must match"), errors);
    assertFalse(run.visible().contains(issued));
  }
}
