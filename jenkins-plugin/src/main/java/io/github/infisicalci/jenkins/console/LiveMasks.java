package io.github.infisicalci.jenkins.console;

import io.github.infisicalci.mask.Masker;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Controller-side maskers of running freestyle builds, by run id: set by the wrapper when its secrets
 * are fetched, read by {@link LateMaskingOutputStream}, removed when the block ends.
 */
public final class LiveMasks {
  private static final ConcurrentMap<String, Masker> BY_RUN = new ConcurrentHashMap<>();

  private LiveMasks() {
  }

  public static void put(String runId, Masker masker) {
    BY_RUN.put(runId, masker);
  }

  public static Masker get(String runId) {
    return BY_RUN.get(runId);
  }

  public static void remove(String runId) {
    BY_RUN.remove(runId);
  }
}
