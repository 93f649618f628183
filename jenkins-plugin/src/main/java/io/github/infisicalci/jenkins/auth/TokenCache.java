package io.github.infisicalci.jenkins.auth;

import io.github.infisicalci.client.auth.AccessGrant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Access tokens obtained on the controller, shared by every build that uses the same server and
 * credential content. Expiry-aware: an entry is used only while more than {@link #safetyMargin} of its
 * life remains (and no longer than {@link #maxAge} for tokens that never expire).
 *
 * <p>No lock is held while logging in: a build whose cache entry is missing logs in itself, so no build
 * ever waits for another build's login (a failing login fails only the build that made it; a cold
 * start under concurrency may log in more than once, and the last token stored wins).
 */
public final class TokenCache {
  private static final TokenCache SHARED = new TokenCache(Clock.systemUTC(), Duration.ofSeconds(60),
      Duration.ofHours(1));

  private final ConcurrentMap<TokenCacheKey, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration safetyMargin;
  private final Duration maxAge;

  /**
   * A cache.
   *
   * @param safetyMargin an entry is treated as expired this long before it really expires
   * @param maxAge how long a token without expiry is kept
   */
  public TokenCache(Clock clock, Duration safetyMargin, Duration maxAge) {
    this.clock = clock;
    this.safetyMargin = safetyMargin;
    this.maxAge = maxAge;
  }

  /** The controller-wide cache. */
  public static TokenCache shared() {
    return SHARED;
  }

  /** A grant still usable for {@code key}, with {@code expiresIn} counted from now. */
  public Optional<AccessGrant> get(TokenCacheKey key) {
    Entry e = entries.get(key);
    if (e == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (!now.isBefore(e.usableUntil)) {
      entries.remove(key, e);
      return Optional.empty();
    }
    AccessGrant g = e.grant;
    Duration left = e.expiresAt == null ? Duration.ZERO : Duration.between(now, e.expiresAt);
    return Optional.of(new AccessGrant(g.accessToken(), left, g.maxTtl(), g.renewable(), g.serviceToken()));
  }

  /** Stores a fresh grant for {@code key}. */
  public void put(TokenCacheKey key, AccessGrant grant) {
    Instant now = clock.instant();
    Instant expiresAt = grant.expiresIn().isZero() ? null : now.plus(grant.expiresIn());
    Instant usableUntil = expiresAt == null ? now.plus(maxAge) : expiresAt.minus(safetyMargin);
    if (usableUntil.isAfter(now)) {
      entries.put(key, new Entry(grant, expiresAt, usableUntil));
    }
  }

  /** Drops the entry for {@code key} if it still holds {@code rejected}'s token (a 401/403 answered it). */
  public void invalidate(TokenCacheKey key, AccessGrant rejected) {
    entries.computeIfPresent(key,
        (k, e) -> e.grant.accessToken().equals(rejected.accessToken()) ? null : e);
  }

  /** Number of entries (for tests and diagnostics). */
  public int size() {
    return entries.size();
  }

  /** Drops everything. */
  public void clear() {
    entries.clear();
  }

  private record Entry(AccessGrant grant, Instant expiresAt, Instant usableUntil) {
  }
}
