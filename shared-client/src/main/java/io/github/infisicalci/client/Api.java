package io.github.infisicalci.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.github.infisicalci.text.Printable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Sends {@link ApiCall}s: builds the request, retries what may be retried, maps failures. */
final class Api {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  /** Longest Retry-After taken literally (over 3000 years; its milliseconds still fit a long). */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(99_999_999_999L);

  private final OkHttpClient http;
  private final HttpUrl base;
  private final RetryPolicy policy;
  private final Timing timing;
  private final Failures failures;
  private final Redactor redactor;
  private final Consumer<String> log;

  Api(OkHttpClient http, ClientConfig config, Timing timing, Redactor redactor) {
    this.http = http;
    this.base = HttpUrl.get(config.baseUrl());
    this.policy = config.retryPolicy();
    this.timing = timing;
    this.redactor = redactor;
    this.failures = new Failures(config.baseUrl(), redactor);
    Consumer<String> sink = config.logSink();
    this.log = line -> {
      try {
        sink.accept(Printable.line(redactor.redact(line))); // server keys and paths: one line, no escapes
      } catch (RuntimeException ignored) {
        // a broken log sink must not break the call
      }
    };
  }

  void log(String line) {
    log.accept(line);
  }

  Redactor redactor() {
    return redactor;
  }

  /** Sends the call, retrying per policy; returns the parsed JSON body ({@link NullNode} for none). */
  JsonNode send(ApiCall call) {
    Request request = toRequest(call);
    long start = timing.clock().millis();
    InfisicalException last;
    for (int attempt = 1; ; attempt++) {
      Duration retryAfter = null;
      boolean retryable;
      long t0 = System.nanoTime();
      try (Response response = http.newCall(request).execute()) {
        int status = response.code();
        ResponseBody rb = response.body();
        String body = rb == null ? "" : rb.string();
        log.accept(call.method() + " " + call.displayPath() + " -> " + status + " ("
            + (System.nanoTime() - t0) / 1_000_000 + " ms)");
        if (status >= 200 && status < 300) {
          return parse(call, body);
        }
        ServerError err = failures.serverError(status, body);
        last = failures.forAnswer(call, status, err);
        retryAfter = retryAfter(response);
        retryable = status == 429 || status == 502 || status == 503 || status == 504
            || (status == 500 && retryAfter != null);
      } catch (IOException e) {
        log.accept(call.method() + " " + call.displayPath() + " -> failed: " + e.getClass().getSimpleName());
        last = failures.forIo(call, e);
        retryable = Failures.isRetryable(e);
      }
      if (!retryable || policy.maxAttempts() == 1) {
        throw last;
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new InfisicalConnectionException("Interrupted while trying to " + call.what() + " (after " + attempt
            + (attempt == 1 ? " attempt" : " attempts") + "); not retrying", call.context(), ServerError.NONE, last);
      }
      long elapsed = timing.clock().millis() - start;
      if (attempt >= policy.maxAttempts()) {
        throw exhausted(call, attempt, last, " after " + attempt + " attempts in " + seconds(elapsed));
      }
      Duration delay = retryAfter != null ? retryAfter : backoff(attempt);
      if (elapsed + delay.toMillis() > policy.totalBudget().toMillis()) {
        String why = retryAfter != null
            ? ": the server asked to wait " + seconds(retryAfter.toMillis()) + " more, beyond the retry budget of "
                + seconds(policy.totalBudget().toMillis()) + " (" + attempt + " attempts in " + seconds(elapsed) + ")"
            : ": the retry budget of " + seconds(policy.totalBudget().toMillis()) + " is used up (" + attempt
                + " attempts in " + seconds(elapsed) + ")";
        throw exhausted(call, attempt, last, why);
      }
      log.accept("Retrying " + call.method() + " " + call.displayPath() + " in " + seconds(delay.toMillis())
          + " (attempt " + (attempt + 1) + " of " + policy.maxAttempts() + ")"
          + (retryAfter != null ? ", as the server's Retry-After asks" : ""));
      try {
        timing.sleeper().sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InfisicalConnectionException("Interrupted while waiting to retry " + call.what(), call.context(),
            ServerError.NONE, last);
      }
    }
  }

  private RetriesExhaustedException exhausted(ApiCall call, int attempts, InfisicalException last, String why) {
    return new RetriesExhaustedException("Gave up trying to " + call.what() + why + "; last failure: " + last.getMessage(),
        call.context(), attempts, last);
  }

  static String seconds(long millis) {
    return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  /** Exponential backoff with jitter: a random delay between half and all of initial * 2^(attempt-1). */
  Duration backoff(int attempt) {
    long initial = policy.initialBackoff().toMillis();
    long cap = policy.maxBackoff().toMillis();
    int shift = Math.min(attempt - 1, 30);
    long exp = initial > (cap >> shift) ? cap : initial << shift; // compared before shifting: no wrap-around
    long half = exp / 2;
    long jitter = (long) ((exp - half) * timing.random().getAsDouble());
    return Duration.ofMillis(half + jitter);
  }

  /** Retry-After as delay-seconds or HTTP-date; {@code null} when absent or unreadable. */
  Duration retryAfter(Response response) {
    String value = response.header("Retry-After");
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    if (v.chars().allMatch(Character::isDigit)) {
      // a wait longer than any budget is capped (not overflowed, not ignored): it still means "fail fast"
      return v.length() > 11 ? MAX_RETRY_AFTER : Duration.ofSeconds(Math.min(Long.parseLong(v), MAX_RETRY_AFTER.getSeconds()));
    }
    Date date = response.headers().getDate("Retry-After");
    if (date == null) {
      return null;
    }
    Duration d = Duration.between(timing.clock().instant(), Instant.ofEpochMilli(date.getTime()));
    return d.isNegative() ? Duration.ZERO : d;
  }

  private JsonNode parse(ApiCall call, String body) {
    if (body == null || body.isBlank()) {
      return NullNode.getInstance();
    }
    try {
      return JsonTrees.read(body);
    } catch (IOException e) {
      throw new InfisicalConnectionException("The server at " + base + " answered " + call.method() + " "
          + call.displayPath() + " with something that is not JSON; is that the address of an Infisical server?",
          call.context());
    }
  }

  private Request toRequest(ApiCall call) {
    HttpUrl.Builder url = base.newBuilder();
    for (String s : call.segments()) {
      url.addPathSegment(s);
    }
    call.query().forEach(url::addQueryParameter);
    Request.Builder r = new Request.Builder().url(url.build()).header("Accept", "application/json");
    if (call.bearer() != null) {
      redactor.remember(call.bearer());
      r.header("Authorization", "Bearer " + call.bearer().reveal());
    }
    if (call.body() != null) {
      for (Object v : call.body().values()) {
        if (v instanceof SecretValue s) {
          redactor.remember(s);
        }
      }
      try {
        r.method(call.method(), RequestBody.create(JsonTrees.writeObject(call.body()), JSON));
      } catch (IOException e) {
        throw new IllegalStateException("cannot encode a JSON body", e);
      }
    } else if (!call.method().equals("GET")) {
      r.method(call.method(), RequestBody.create(new byte[0], JSON));
    }
    return r.build();
  }
}
