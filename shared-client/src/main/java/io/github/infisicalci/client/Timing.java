package io.github.infisicalci.client;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The client's view of time and chance: the clock for token expiry and retry budgets, the sleeper for
 * backoff, the random source for jitter. Tests pass fakes.
 */
record Timing(Clock clock, Sleeper sleeper, DoubleSupplier random) {
  static Timing real() {
    return new Timing(Clock.systemUTC(), Sleeper.REAL, () -> ThreadLocalRandom.current().nextDouble());
  }
}
