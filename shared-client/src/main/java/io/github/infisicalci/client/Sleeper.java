package io.github.infisicalci.client;

import java.time.Duration;

/** Waits between retries; replaced in tests so they do not really sleep. */
interface Sleeper {
  Sleeper REAL = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

  void sleep(Duration duration) throws InterruptedException;
}
