package io.github.infisicalci.client;

import static io.github.infisicalci.client.Routes.login;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.client.secrets.SecretsRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  @Test
  void thirtyTwoThreadsShareOneLogin() throws Exception {
    Routes routes = new Routes();
    // a slow login so that every thread arrives while it is in progress
    routes.on("POST", "/api/v1/auth/universal-auth/login",
        login("tok", 3600, 0).setHeadersDelay(300, TimeUnit.MILLISECONDS));
    routes.on("GET", "/api/v4/secrets", Routes.secrets("A", "1"));
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(routes);
      server.start();
      try (InfisicalClient c = InfisicalClient.create(TestConfigs.base(server, TestConfigs.newLog()).build(),
          TestConfigs.universal())) {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
          results.add(pool.submit(() -> {
            go.await();
            return c.fetchSecrets(SecretsRequest.builder().project(ProjectRef.id("p")).environment("dev").build())
                .get("A").orElseThrow().value().reveal();
          }));
        }
        go.countDown();
        for (Future<String> f : results) {
          assertEquals("1", f.get(30, TimeUnit.SECONDS));
        }
        assertEquals(1, c.logins());
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, routes.to("POST", "/api/v1/auth/universal-auth/login").size());
    assertEquals(32, routes.to("GET", "/api/v4/secrets").size());
  }
}
