package io.github.infisicalci.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.mask.Masker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runner's ID-token endpoint as MockWebServer, for what a stand-in HTTP server cannot show. */
class GitHubIdTokenTest {
  MockWebServer endpoint;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws Exception {
    endpoint = new MockWebServer();
    endpoint.start(java.net.InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() throws Exception {
    endpoint.shutdown();
  }

  private GitHubIdToken token(int attempts) {
    return new GitHubIdToken(endpoint.url("/token?api-version=2.0").toString(), SecretValue.of("request-token-1"),
        "aud", attempts, Duration.ofMillis(1), Duration.ofSeconds(10),
        new Log(new PrintStream(out, true, StandardCharsets.UTF_8), Masker.builder().build()));
  }

  @Test
  void anAttemptIsNeverSpentOnAConnectionTheEndpointClosed() {
    // 1st answer: 503 on a kept-alive connection, which the endpoint then closes; 2nd: the token.
    // Reusing the pooled connection would fail the 2nd attempt and exhaust both attempts.
    for (int i = 0; i < 5; i++) {
      endpoint.enqueue(new MockResponse().setResponseCode(503).setBody("{}")
          .setSocketPolicy(SocketPolicy.DISCONNECT_AT_END));
      endpoint.enqueue(new MockResponse().setBody("{\"value\":\"id-token-" + i + "\"}"));
      assertEquals("id-token-" + i, token(2).get().reveal(), out.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void failuresSayWhatToFix() {
    endpoint.enqueue(new MockResponse().setResponseCode(403));
    assertTrue(assertThrows(GitHubIdToken.IdTokenException.class, () -> token(3).get()).getMessage()
        .contains("check that the job has 'permissions: id-token: write'"));
    endpoint.enqueue(new MockResponse().setBody("{\"count\":1}"));
    assertTrue(assertThrows(GitHubIdToken.IdTokenException.class, () -> token(3).get()).getMessage()
        .contains("held no token (field 'value')"));
    for (int i = 0; i < 3; i++) {
      endpoint.enqueue(new MockResponse().setResponseCode(500));
    }
    assertTrue(assertThrows(GitHubIdToken.IdTokenException.class, () -> token(3).get()).getMessage()
        .contains("after 3 attempts (last: HTTP 500)"));
  }
}
