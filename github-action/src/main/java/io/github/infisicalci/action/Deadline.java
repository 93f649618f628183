package io.github.infisicalci.action;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The {@code deadline} input: work that must finish in time, else is abandoned and its result unused. */
final class Deadline {
  private final Duration limit;
  private final long end;

  Deadline(Duration limit) {
    this.limit = limit;
    this.end = System.nanoTime() + limit.toNanos();
  }

  /** The deadline passed. */
  static final class Passed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Passed(String message) {
      super(message);
    }
  }

  /**
   * {@code work} on a worker (daemon) thread; when the deadline passes first, {@code onTimeout} runs
   * (e.g. closing the client the worker uses), the worker is interrupted and {@link Passed} is thrown.
   * A failure of {@code work} is rethrown as it is.
   */
  <T> T run(Callable<T> work, Runnable onTimeout) {
    ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "infisical-deadline");
      t.setDaemon(true);
      return t;
    });
    Future<T> future = worker.submit(work);
    try {
      return future.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      onTimeout.run();
      future.cancel(true);
      throw new Passed(message());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new Passed(message());
    } finally {
      worker.shutdownNow();
    }
  }

  /** Throws {@link Passed} when the deadline has passed. */
  void check() {
    if (System.nanoTime() - end > 0) {
      throw new Passed(message());
    }
  }

  private String message() {
    long ms = limit.toMillis();
    String shown = ms % 60_000 == 0 ? ms / 60_000 + "m" : ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    return "input 'deadline': the run did not finish within " + shown
        + " (ID token, login, requests and retries)";
  }
}
