package io.github.infisicalci.jenkins.pipeline;

import hudson.model.TaskListener;
import io.github.infisicalci.jenkins.binding.BlockLoader;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Ends a {@code withInfisical} block, whether its body succeeded or failed: notes in the log that the
 * variables are gone. The values themselves live only in the body's context (the expander and the log
 * filter), which Pipeline drops with the block, so nothing else is left to remove.
 */
final class EndOfBlock extends BodyExecutionCallback.TailCall {
  private static final long serialVersionUID = 1L;

  private final int variables;

  EndOfBlock(int variables) {
    this.variables = variables;
  }

  @Override
  protected void finished(StepContext context) throws Exception {
    TaskListener listener = context.get(TaskListener.class);
    if (listener != null) {
      listener.getLogger().println(BlockLoader.LOG_PREFIX + "End of block: " + variables + " variable(s) no longer set");
    }
  }
}
