package io.github.infisicalci.jenkins.console;

import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import hudson.util.Secret;
import io.github.infisicalci.client.SecretValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Masks a block's secrets in the console log with the shared masking engine (replacement {@code ****}).
 *
 * <p>Pipeline: built on the controller after the secrets are fetched; carries names and values as
 * encrypted {@link Secret}s, travels to the agent with the block and rebuilds the masker there.
 * Freestyle: created when the build starts (before the fetch) with the run id only, and masks through
 * {@link LateMaskingOutputStream} once the wrapper registers the masker in {@link LiveMasks}.
 */
public final class MaskingConsoleLogFilter extends ConsoleLogFilter implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> names;
  private final List<Secret> values;
  private final String runId;

  private MaskingConsoleLogFilter(List<String> names, List<Secret> values, String runId) {
    this.names = new ArrayList<>(names);
    this.values = new ArrayList<>(values);
    this.runId = runId;
  }

  /** A filter carrying {@code plan}'s secrets, encrypted. */
  public static MaskingConsoleLogFilter shipping(MaskingPlan plan) {
    List<Secret> sealed = new ArrayList<>();
    for (SecretValue v : plan.values()) {
      sealed.add(Secret.fromString(v.reveal()));
    }
    return new MaskingConsoleLogFilter(plan.names(), sealed, null);
  }

  /** A filter for a freestyle build whose secrets are not fetched yet. */
  public static MaskingConsoleLogFilter late(String runId) {
    return new MaskingConsoleLogFilter(List.of(), List.of(), runId);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public OutputStream decorateLogger(Run build, OutputStream logger) throws IOException, InterruptedException {
    if (runId != null) {
      return new LateMaskingOutputStream(logger, () -> LiveMasks.get(runId));
    }
    List<SecretValue> plain = new ArrayList<>();
    for (Secret s : values) {
      plain.add(SecretValue.of(s.getPlainText()));
    }
    MaskingPlan plan = MaskingPlan.of(names, plain);
    return plan.isEmpty() ? logger : plan.masker().wrap(logger);
  }
}
