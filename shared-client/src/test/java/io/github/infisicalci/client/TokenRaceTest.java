package io.github.infisicalci.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.auth.AuthMethods;
import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.client.secrets.SecretsRequest;
import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.devserver.Seed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token lifecycle under contention: rejections, revocation and closing while other threads list. */
class TokenRaceTest {
  private static final String ID = "race-client-id";
  private static final String SECRET = "race-client-secret-4b3a";

  private DevServer server;
  private final List<String> log = TestConfigs.newLog();
  private final ExecutorService pool = Executors.newFixedThreadPool(16);

  @BeforeEach
  void start() {
    server = DevServer.start(Seed.builder()
        .project("race", p -> p.secret("dev", "/", "A", "value-a").secret("dev", "/b", "B", "value-b"))
        .universalAuthIdentity("ci", ID, SECRET, "race")
        .build());
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
    server.close();
    log.forEach(RedactionTest::assertClean);
  }

  private InfisicalClient client() {
    return InfisicalClient.create(ClientConfig.builder().baseUrl(server.url()).logSink(log::add)
        .retryPolicy(TestConfigs.fastRetries()).build(), AuthMethods.universal(ID, SecretValue.of(SECRET)));
  }

  private static SecretsRequest request() {
    return SecretsRequest.builder().project(ProjectRef.slug("race")).environment("dev").build();
  }

  @Test
  void manyThreadsRejectedTogetherShareOneNewLogin() throws Exception {
    try (InfisicalClient c = client()) {
      c.fetchSecrets(request());
      assertEquals(1, c.logins());
      server.revokeAllTokens();
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return c.fetchSecrets(request()).get("A").orElseThrow().value().reveal();
        }));
      }
      go.countDown();
      for (Future<String> f : results) {
        assertEquals("value-a", f.get(30, TimeUnit.SECONDS));
      }
      assertEquals(2, c.logins(), "one re-login shared by every rejected thread");
    }
  }

  @Test
  void revokingWhileAnotherThreadListsNeverFailsTheLister() throws Exception {
    try (InfisicalClient c = client()) {
      c.fetchSecrets(request());
      AtomicBoolean stop = new AtomicBoolean();
      java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
      Future<?> lister = pool.submit(() -> {
        while (!stop.get()) {
          assertEquals("value-a", c.fetchSecrets(request()).get("A").orElseThrow().value().reveal());
          done.incrementAndGet();
        }
        return null;
      });
      for (int i = 0; i < 5; i++) {
        int before = done.get();
        c.revoke(); // lands before, during or between the lister's calls
        while (done.get() < before + 2 && !lister.isDone()) {
          Thread.sleep(1);
        }
      }
      stop.set(true);
      try {
        lister.get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new AssertionError(String.join("\n", log), e);
      }
      assertEquals(6, c.logins(), "one new login after each revocation");
    }
  }

  @Test
  void closingWhileAnotherThreadListsEndsItWithAClearError() throws Exception {
    InfisicalClient c = client();
    c.accessToken();
    CountDownLatch listing = new CountDownLatch(1);
    Future<Throwable> lister = pool.submit(() -> {
      try {
        while (true) {
          c.fetchSecrets(SecretsRequest.builder().project(ProjectRef.slug("race")).environment("dev")
              .path("/").path("/b").build());
          listing.countDown();
        }
      } catch (RuntimeException e) {
        return e;
      }
    });
    assertTrue(listing.await(30, TimeUnit.SECONDS));
    c.close();
    Throwable t = lister.get(30, TimeUnit.SECONDS);
    assertTrue(t instanceof IllegalStateException && t.getMessage().contains("closed"), String.valueOf(t));
  }
}
