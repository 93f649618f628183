package io.github.infisicalci.jenkins.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.AuthenticationException;
import io.github.infisicalci.client.RequestContext;
import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.client.auth.AccessGrant;
import io.github.infisicalci.client.auth.AuthMethod;
import io.github.infisicalci.client.auth.AuthTransport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenCacheTest {
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };
  private final TokenCache cache = new TokenCache(clock, Duration.ofSeconds(60), Duration.ofHours(1));
  private final TokenCacheKey key = new TokenCacheKey("https://Infisical.Example.com/api/", "ua", "fp1");
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  /** A login method that counts logins and hands out token-1, token-2, ... valid for {@code ttl}. */
  private static final class CountingLogin implements AuthMethod {
    final AtomicInteger logins = new AtomicInteger();
    final Duration ttl;

    CountingLogin(Duration ttl) {
      this.ttl = ttl;
    }

    @Override
    public String description() {
      return "counting";
    }

    @Override
    public AccessGrant authenticate(AuthTransport transport) {
      int n = logins.incrementAndGet();
      return new AccessGrant(SecretValue.of("token-" + n), ttl, Duration.ZERO, true, Optional.empty());
    }
  }

  @Test
  void keyNormalisesTheUrl() {
    assertEquals(new TokenCacheKey("https://infisical.example.com", "ua", "fp1"), key);
    assertEquals("https://x.example/sub", new TokenCacheKey("HTTPS://X.EXAMPLE/sub/", "a", "b").serverUrl());
  }

  @Test
  void concurrentBuildsShareOneLogin() {
    CountingLogin login = new CountingLogin(Duration.ofHours(1));
    AccessGrant first = new CachingAuthMethod(cache, key, login).authenticate(null);
    AccessGrant second = new CachingAuthMethod(cache, key, login).authenticate(null);
    assertEquals(1, login.logins.get());
    assertEquals(first.accessToken(), second.accessToken());
  }

  @Test
  void cachedGrantReportsTheTimeLeft() {
    new CachingAuthMethod(cache, key, new CountingLogin(Duration.ofMinutes(10))).authenticate(null);
    now = now.plus(Duration.ofMinutes(4));
    AccessGrant g = cache.get(key).orElseThrow();
    assertEquals(Duration.ofMinutes(6), g.expiresIn());
  }

  @Test
  void expiryIsRespectedWithASafetyMargin() {
    CountingLogin login = new CountingLogin(Duration.ofMinutes(10));
    new CachingAuthMethod(cache, key, login).authenticate(null);
    now = now.plus(Duration.ofMinutes(8));
    new CachingAuthMethod(cache, key, login).authenticate(null);
    assertEquals(1, login.logins.get(), "still 2 minutes left");
    now = now.plus(Duration.ofSeconds(61));
    AccessGrant g = new CachingAuthMethod(cache, key, login).authenticate(null);
    assertEquals(2, login.logins.get(), "less than the 60 s margin left: log in again");
    assertEquals("token-2", g.accessToken().reveal());
  }

  @Test
  void tokensWithoutExpiryAreKeptForTheMaximumAgeOnly() {
    CountingLogin login = new CountingLogin(Duration.ZERO);
    new CachingAuthMethod(cache, key, login).authenticate(null);
    now = now.plus(Duration.ofMinutes(59));
    new CachingAuthMethod(cache, key, login).authenticate(null);
    assertEquals(1, login.logins.get());
    now = now.plus(Duration.ofMinutes(2));
    new CachingAuthMethod(cache, key, login).authenticate(null);
    assertEquals(2, login.logins.get());
  }

  /** The client asks again after a 401/403: the rejected token is dropped for everyone and a fresh one stored. */
  @Test
  void reLoginAfterRejectionReplacesTheSharedToken() {
    CountingLogin login = new CountingLogin(Duration.ofHours(1));
    new CachingAuthMethod(cache, key, login).authenticate(null);
    CachingAuthMethod build = new CachingAuthMethod(cache, key, login);
    assertEquals("token-1", build.authenticate(null).accessToken().reveal());
    assertEquals("token-2", build.authenticate(null).accessToken().reveal(), "second ask = rejected: fresh login");
    assertEquals("token-2", new CachingAuthMethod(cache, key, login).authenticate(null).accessToken().reveal());
    assertEquals(2, login.logins.get());
  }

  @Test
  void differentCredentialContentNeverSharesATokenKey() {
    CountingLogin login = new CountingLogin(Duration.ofHours(1));
    new CachingAuthMethod(cache, key, login).authenticate(null);
    new CachingAuthMethod(cache, new TokenCacheKey(key.serverUrl(), "ua", "fp2"), login).authenticate(null);
    new CachingAuthMethod(cache, new TokenCacheKey("https://other.example", "ua", "fp1"), login).authenticate(null);
    assertEquals(3, login.logins.get());
    assertEquals(3, cache.size());
  }

  @Test
  void failedLoginIsNotCached() {
    AuthMethod failing = new AuthMethod() {
      @Override
      public String description() {
        return "failing";
      }

      @Override
      public AccessGrant authenticate(AuthTransport transport) {
        throw new AuthenticationException("login refused", RequestContext.none());
      }
    };
    assertThrows(AuthenticationException.class, () -> new CachingAuthMethod(cache, key, failing).authenticate(null));
    assertEquals(0, cache.size());
  }

  /** Build A's login hangs (and will fail); build B with the same key logs in by itself meanwhile. */
  @Test
  void noBuildWaitsForAnotherBuildsFailingLogin() throws Exception {
    CountDownLatch aStarted = new CountDownLatch(1);
    CountDownLatch releaseA = new CountDownLatch(1);
    AuthMethod hanging = new AuthMethod() {
      @Override
      public String description() {
        return "hanging";
      }

      @Override
      public AccessGrant authenticate(AuthTransport transport) {
        aStarted.countDown();
        try {
          releaseA.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new AuthenticationException("login refused", RequestContext.none());
      }
    };
    Future<?> a = pool.submit(() -> new CachingAuthMethod(cache, key, hanging).authenticate(null));
    assertTrue(aStarted.await(5, TimeUnit.SECONDS));
    CountingLogin ok = new CountingLogin(Duration.ofHours(1));
    Future<AccessGrant> b = pool.submit(() -> new CachingAuthMethod(cache, key, ok).authenticate(null));
    assertEquals("token-1", b.get(5, TimeUnit.SECONDS).accessToken().reveal());
    releaseA.countDown();
    java.util.concurrent.ExecutionException failure =
        assertThrows(java.util.concurrent.ExecutionException.class, () -> a.get(5, TimeUnit.SECONDS));
    assertTrue(failure.getCause() instanceof AuthenticationException);
    assertEquals("token-1", cache.get(key).orElseThrow().accessToken().reveal(), "B's token stays cached");
  }
}
