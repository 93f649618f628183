package io.github.infisicalci.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.infisicalci.client.auth.AccessGrant;
import io.github.infisicalci.client.auth.AuthMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Holds the current token: logs in when there is none, renews it before it expires (or logs in again
 * when renewal is impossible or fails), forgets it when the server rejects it. One lock makes the
 * login single-flight: concurrent callers wait for the one login in progress.
 */
final class TokenManager {
  private static final Duration MAX_MARGIN = Duration.ofSeconds(5);

  private final AuthMethod auth;
  private final Api api;
  private final LoginTransport transport;
  private final Timing timing;
  private final Object lock = new Object();

  private AccessGrant grant;
  private Instant createdAt;
  private Instant expiresAt;
  private int logins;

  TokenManager(AuthMethod auth, Api api, Timing timing) {
    this.auth = auth;
    this.api = api;
    this.transport = new LoginTransport(api);
    this.timing = timing;
  }

  AuthMethod auth() {
    return auth;
  }

  /** A valid grant, logging in or renewing first when needed. */
  AccessGrant current() {
    synchronized (lock) {
      Instant now = timing.clock().instant();
      if (grant == null) {
        logIn();
      } else if (expiresAt != null && !now.isBefore(refreshAt())) {
        refresh(now);
      }
      return grant;
    }
  }

  /** Forgets {@code rejected} if it is still the current grant (a concurrent caller may have replaced it). */
  void rejected(AccessGrant rejected) {
    synchronized (lock) {
      if (grant == rejected) {
        grant = null;
      }
    }
  }

  /** Number of logins done (for tests and diagnostics). */
  int logins() {
    synchronized (lock) {
      return logins;
    }
  }

  /** Revokes the current token when it came from a login; forgets it either way. */
  void revoke() {
    synchronized (lock) {
      if (grant == null) {
        return;
      }
      AccessGrant g = grant;
      grant = null;
      if (!g.renewable()) {
        api.log("Token was given as is (" + auth.description() + "); not revoking it");
        return;
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("accessToken", g.accessToken());
      api.send(ApiCall.post("/api/v1/auth/token/revoke").body(body).what("revoke the access token").build());
      api.log("Access token revoked");
    }
  }

  private Instant refreshAt() {
    Duration ttl = grant.expiresIn();
    Duration margin = ttl.dividedBy(2).compareTo(MAX_MARGIN) < 0 ? ttl.dividedBy(2) : MAX_MARGIN;
    return expiresAt.minus(margin);
  }

  private void refresh(Instant now) {
    boolean expired = !now.isBefore(expiresAt);
    Duration ttl = grant.expiresIn();
    boolean maxTtlTooClose = !grant.maxTtl().isZero()
        && Duration.between(now, createdAt.plus(grant.maxTtl())).compareTo(ttl) < 0;
    if (!grant.renewable() || expired || maxTtlTooClose) {
      if (!auth.canLogIn()) {
        return; // nothing better to offer; the server will say if it is no longer valid
      }
      api.log("Access token " + (expired ? "expired" : maxTtlTooClose ? "is close to its max TTL" : "is not renewable")
          + "; logging in again");
      logIn();
      return;
    }
    try {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("accessToken", grant.accessToken());
      JsonNode answer = api.send(ApiCall.post("/api/v1/auth/token/renew").body(body).what("renew the access token").build());
      AccessGrant renewed = LoginTransport.grant(answer, "renew the access token");
      install(renewed, timing.clock().instant());
      api.log("Access token renewed");
    } catch (InfisicalException e) {
      if (!auth.canLogIn()) {
        throw e;
      }
      api.log("Token renewal failed (" + e.status().stream().mapToObj(s -> "HTTP " + s).findFirst().orElse("no answer")
          + "); logging in again");
      logIn();
    }
  }

  /** Logs in; the token's lifetime counts from when the login returned. */
  private void logIn() {
    AccessGrant g = auth.authenticate(transport);
    api.redactor().remember(g.accessToken());
    logins++;
    Instant now = timing.clock().instant();
    createdAt = now;
    install(g, now);
    api.log("Logged in with " + auth.description()
        + (g.expiresIn().isZero() ? "" : "; token valid for " + g.expiresIn().toSeconds() + " s"));
  }

  /** Makes {@code g} current; a renewal keeps the {@link #createdAt} of the login. */
  private void install(AccessGrant g, Instant now) {
    grant = g;
    expiresAt = g.expiresIn().isZero() ? null : now.plus(g.expiresIn());
  }
}
