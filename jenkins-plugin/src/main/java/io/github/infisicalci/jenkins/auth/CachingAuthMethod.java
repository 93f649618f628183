package io.github.infisicalci.jenkins.auth;

import io.github.infisicalci.client.auth.AccessGrant;
import io.github.infisicalci.client.auth.AuthMethod;
import io.github.infisicalci.client.auth.AuthTransport;
import java.util.Objects;
import java.util.Optional;

/**
 * A login method for one build's client that first offers the shared cached token. The client asks
 * again only when it needs a new token (the one it has expired, or the server answered 401/403): then
 * the cached entry is dropped and this build logs in itself, storing the fresh token for the others.
 */
public final class CachingAuthMethod implements AuthMethod {
  private final TokenCache cache;
  private final TokenCacheKey key;
  private final AuthMethod delegate;
  private AccessGrant lastHandedOut;

  public CachingAuthMethod(TokenCache cache, TokenCacheKey key, AuthMethod delegate) {
    this.cache = Objects.requireNonNull(cache, "cache");
    this.key = Objects.requireNonNull(key, "key");
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public String description() {
    return delegate.description();
  }

  @Override
  public synchronized AccessGrant authenticate(AuthTransport transport) {
    if (lastHandedOut == null) {
      Optional<AccessGrant> cached = cache.get(key);
      if (cached.isPresent()) {
        lastHandedOut = cached.get();
        return lastHandedOut;
      }
    } else {
      cache.invalidate(key, lastHandedOut);
    }
    AccessGrant fresh = delegate.authenticate(transport);
    cache.put(key, fresh);
    lastHandedOut = fresh;
    return fresh;
  }

  @Override
  public boolean canLogIn() {
    return delegate.canLogIn();
  }
}
