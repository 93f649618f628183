package io.github.infisicalci.jenkins.console;

import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import io.github.infisicalci.mask.Masker;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Optional;

/**
 * Masks a block's secrets in the console log with the shared masking engine (replacement {@code ****}).
 *
 * <p>Pipeline: built on the controller after the secrets are fetched; carries names and values as
 * {@link hudson.util.Secret}s (encrypted in the saved Pipeline program; over the agent channel a Secret is
 * Java-serialized with its plain value), travels to the agent with the block and rebuilds the masker there.
 * Freestyle: created when the build starts (before the fetch) with the run id only, and masks through
 * {@link LateMaskingOutputStream} once the wrapper registers the masker in {@link LiveMasks}.
 */
public final class MaskingConsoleLogFilter extends ConsoleLogFilter implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The secrets, as Secrets; {@code null} for a freestyle build's filter (see {@link #runId}). */
  private final SealedMasks masks;
  /** The freestyle run whose masker {@link LiveMasks} will hold; {@code null} for a Pipeline block's filter. */
  private final String runId;
  /**
   * The masker built from {@link #masks} on first use ({@code empty()} when there is nothing to mask). Every
   * step of a block decorates its log through the same filter instance; building the automaton once per
   * instance (per JVM, as it is not serialized) keeps that work off each step's start.
   */
  private transient volatile Optional<Masker> masker;

  private MaskingConsoleLogFilter(SealedMasks masks, String runId) {
    this.masks = masks;
    this.runId = runId;
  }

  /** A filter carrying {@code plan}'s secrets as Secrets. */
  public static MaskingConsoleLogFilter shipping(MaskingPlan plan) {
    return new MaskingConsoleLogFilter(SealedMasks.of(plan), null);
  }

  /** A filter for a freestyle build whose secrets are not fetched yet. */
  public static MaskingConsoleLogFilter late(String runId) {
    return new MaskingConsoleLogFilter(null, runId);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public OutputStream decorateLogger(Run build, OutputStream logger) throws IOException, InterruptedException {
    if (runId != null) {
      return new LateMaskingOutputStream(logger, () -> LiveMasks.get(runId));
    }
    Optional<Masker> m = masker;
    if (m == null) {
      MaskingPlan plan = masks.open();
      m = plan.isEmpty() ? Optional.empty() : Optional.of(plan.masker());
      masker = m;
    }
    return m.isPresent() ? m.get().wrap(logger) : logger;
  }
}
