package io.github.infisicalci.client;

import io.github.infisicalci.client.auth.AuthMethod;
import io.github.infisicalci.client.auth.AuthMethods;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockWebServer;

final class TestConfigs {
  static final String CLIENT_ID = "client-id-1";
  static final String CLIENT_SECRET = "cs-0123456789abcdef-SECRET";

  private TestConfigs() {
  }

  static RetryPolicy fastRetries() {
    return new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30));
  }

  static ClientConfig.Builder base(MockWebServer server, List<String> log) {
    return ClientConfig.builder()
        .baseUrl(server.url("/").toString())
        .retryPolicy(fastRetries())
        .readTimeout(Duration.ofSeconds(5))
        .logSink(log::add);
  }

  static AuthMethod universal() {
    return AuthMethods.universal(CLIENT_ID, SecretValue.of(CLIENT_SECRET));
  }

  static List<String> newLog() {
    return new CopyOnWriteArrayList<>();
  }
}
