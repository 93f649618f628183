package io.github.infisicalci.jenkins.pipeline;

import hudson.model.TaskListener;
import io.github.infisicalci.jenkins.binding.BlockLoader;
import io.github.infisicalci.jenkins.console.SealedMasks;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Ends a {@code withInfisical} block, whether its body succeeded or failed: notes in the log that the
 * variables are gone and, on failure, masks the block's secrets in the exception that leaves the block
 * (Pipeline prints it after the block's log filter is gone). The values themselves live only in the body's
 * context (the expander and the log filter), which Pipeline drops with the block.
 */
final class EndOfBlock extends BodyExecutionCallback.TailCall {
  private static final long serialVersionUID = 1L;

  private final int variables;
  /** {@code null} when the block has nothing to mask. */
  private final SealedMasks masks;

  EndOfBlock(int variables, SealedMasks masks) {
    this.variables = variables;
    this.masks = masks;
  }

  @Override
  protected void finished(StepContext context) throws Exception {
    TaskListener listener = context.get(TaskListener.class);
    if (listener != null) {
      listener.getLogger().println(BlockLoader.LOG_PREFIX + "End of block: " + variables + " variable(s) no longer set");
    }
  }

  @Override
  public void onFailure(StepContext context, Throwable t) {
    super.onFailure(context, scrub(t));
  }

  private Throwable scrub(Throwable t) {
    if (masks == null) {
      return t;
    }
    try {
      return ScrubbedFailure.scrub(t, masks.open()::scrub);
    } catch (RuntimeException e) {
      return t; // never lose the block's own failure over masking it
    }
  }
}
