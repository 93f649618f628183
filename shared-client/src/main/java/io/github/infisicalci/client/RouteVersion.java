package io.github.infisicalci.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Whether this client's server has {@code /api/v4/secrets} or only {@code /api/v3/secrets/raw}, found out
 * once per client: the first secrets call tries v4 while concurrent callers wait for its answer, so a
 * multi-path fetch against an older server sends one v4 probe, not one per path.
 */
final class RouteVersion {
  private final Api api;
  private final ReentrantLock deciding = new ReentrantLock();
  private volatile Boolean v3;

  RouteVersion(Api api) {
    this.api = api;
  }

  boolean usesV3() {
    return Boolean.TRUE.equals(v3);
  }

  /** Remembers that the server has no v4 route (seen on another call). */
  void markV3() {
    if (v3 == null) {
      v3 = true;
      api.log("The server has no /api/v4/secrets; using /api/v3/secrets/raw from now on");
    }
  }

  /**
   * Sends the v4 form of a call ({@code call.apply(false)}) or, once the server proved to lack v4, the v3
   * form; the first call decides (other callers wait for its answer).
   */
  <T> T send(Function<Boolean, ApiCall> call, Function<JsonNode, T> parse, RequestContext ctx) {
    Boolean known = v3;
    if (known != null) {
      return parse.apply(api.send(call.apply(known)));
    }
    try {
      deciding.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfisicalConnectionException("Interrupted while waiting for the server's API version", ctx,
          ServerError.NONE, e);
    }
    try {
      known = v3;
      if (known == null) {
        try {
          T answer = parse.apply(api.send(call.apply(false)));
          v3 = false;
          return answer;
        } catch (RouteNotFoundException e) {
          markV3();
        } catch (InfisicalException e) {
          if (e.status().isPresent()) {
            v3 = false; // the v4 route answered (a service error), so it exists
          }
          throw e;
        }
      }
    } finally {
      deciding.unlock();
    }
    return parse.apply(api.send(call.apply(v3)));
  }
}
