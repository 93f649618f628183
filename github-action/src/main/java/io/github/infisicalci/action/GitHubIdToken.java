package io.github.infisicalci.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.infisicalci.client.SecretValue;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The job's OIDC ID token, asked from the runner ({@code ACTIONS_ID_TOKEN_REQUEST_URL} with
 * {@code &audience=}, bearer {@code ACTIONS_ID_TOKEN_REQUEST_TOKEN}), with retries on network errors,
 * 429 and 5xx. Fetched once, then reused. Failures name what to fix, never a token.
 */
final class GitHubIdToken implements Supplier<SecretValue> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpUrl url;
  private final SecretValue requestToken;
  private final OkHttpClient http;
  private final int attempts;
  private final Duration backoff;
  private final Log log;
  private SecretValue cached;

  GitHubIdToken(String requestUrl, SecretValue requestToken, String audience, int attempts, Duration backoff,
      Duration timeout, Log log) {
    HttpUrl parsed = HttpUrl.parse(requestUrl);
    if (parsed == null) {
      throw new IllegalArgumentException("ACTIONS_ID_TOKEN_REQUEST_URL is not a valid URL");
    }
    this.url = audience == null || audience.isEmpty()
        ? parsed : parsed.newBuilder().addQueryParameter("audience", audience).build();
    this.requestToken = requestToken;
    this.attempts = Math.max(1, attempts);
    this.backoff = backoff;
    this.log = log;
    // No idle connections are kept: each attempt opens a fresh one, so an attempt is never spent on a
    // pooled connection the endpoint already closed after an earlier answer.
    this.http = new OkHttpClient.Builder().callTimeout(timeout).retryOnConnectionFailure(false)
        .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS)).build();
  }

  @Override
  public synchronized SecretValue get() {
    if (cached == null) {
      cached = fetch();
      log.addMask(cached);
    }
    return cached;
  }

  private SecretValue fetch() {
    String lastProblem = "no attempt made";
    for (int attempt = 1; attempt <= attempts; attempt++) {
      Request request = new Request.Builder().url(url)
          .header("Authorization", "Bearer " + requestToken.reveal())
          .header("Accept", "application/json")
          .build();
      try (Response response = http.newCall(request).execute()) {
        int code = response.code();
        if (code == 200) {
          ResponseBody body = response.body();
          JsonNode json = JSON.readTree(body == null ? "" : body.string());
          JsonNode value = json == null ? null : json.get("value");
          if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IdTokenException("the runner's ID-token answer held no token (field 'value')");
          }
          return SecretValue.of(value.asText());
        }
        lastProblem = "HTTP " + code;
        if (code != 429 && code < 500) {
          throw new IdTokenException("the runner refused the ID-token request (HTTP " + code
              + "); check that the job has 'permissions: id-token: write'");
        }
      } catch (IOException e) {
        lastProblem = e.getClass().getSimpleName();
      }
      if (attempt < attempts) {
        log.info("Getting the OIDC ID token failed (" + lastProblem + "); retrying (" + (attempt + 1) + "/"
            + attempts + ")");
        sleep(backoff.multipliedBy(1L << (attempt - 1)));
      }
    }
    throw new IdTokenException("could not get the OIDC ID token from the runner after " + attempts
        + " attempts (last: " + lastProblem + ")");
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IdTokenException("interrupted while waiting to retry the ID-token request");
    }
  }

  /** Getting the ID token failed; the message says what to fix. */
  static final class IdTokenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    IdTokenException(String message) {
      super(message);
    }
  }
}
