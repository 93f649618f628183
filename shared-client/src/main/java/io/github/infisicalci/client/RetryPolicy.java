package io.github.infisicalci.client;

import java.time.Duration;

/**
 * How failed calls are retried: exponential backoff with jitter, starting at {@code initialBackoff},
 * doubling up to {@code maxBackoff}, at most {@code maxAttempts} attempts in all, and never beyond
 * {@code totalBudget} measured from the first attempt. A server's {@code Retry-After} replaces the
 * computed delay. Retried: connection failures, timeouts, 429, 502, 503, 504, and 500 carrying
 * {@code Retry-After}. Never retried: 400, 401, 403, 404, 422 and other answers.
 *
 * @param maxAttempts attempts in all, at least 1 (1 = no retry)
 * @param initialBackoff delay before the second attempt
 * @param maxBackoff largest computed delay
 * @param totalBudget longest time spent on one call including waits
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration totalBudget) {

  /** Validates every component; a wrong one is named in the exception. */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new InvalidConfigurationException("retryPolicy.maxAttempts",
          "retryPolicy.maxAttempts must be at least 1 (was " + maxAttempts + ")");
    }
    requireNonNegative("retryPolicy.initialBackoff", initialBackoff);
    requireNonNegative("retryPolicy.maxBackoff", maxBackoff);
    requireNonNegative("retryPolicy.totalBudget", totalBudget);
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new InvalidConfigurationException("retryPolicy.maxBackoff",
          "retryPolicy.maxBackoff (" + maxBackoff + ") must not be shorter than retryPolicy.initialBackoff ("
              + initialBackoff + ")");
    }
  }

  /** 5 attempts, 500 ms doubling to 10 s, at most 60 s in all. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(60));
  }

  /** One attempt, no retry. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  private static void requireNonNegative(String field, Duration d) {
    if (d == null) {
      throw new InvalidConfigurationException(field, field + " must be set");
    }
    if (d.isNegative()) {
      throw new InvalidConfigurationException(field, field + " must not be negative (was " + d + ")");
    }
  }
}
