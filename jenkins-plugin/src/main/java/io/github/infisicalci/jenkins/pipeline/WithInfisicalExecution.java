package io.github.infisicalci.jenkins.pipeline;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.infisicalci.jenkins.binding.BlockLoader;
import io.github.infisicalci.jenkins.binding.BlockOptions;
import io.github.infisicalci.jenkins.console.MaskingConsoleLogFilter;
import io.github.infisicalci.jenkins.console.SealedMasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs a {@code withInfisical} block: fetches on the controller, off the Pipeline thread, then starts the
 * body with the secrets in its environment ({@link SecretEnvironment}) and masked in its log
 * ({@link MaskingConsoleLogFilter}), both holding values as Secrets only (encrypted in the saved program); the callback
 * ({@link EndOfBlock}) masks them in the failure that leaves the block.
 *
 * <p>After a restart: a fetch that was under way fails the step (inherited {@code onResume}); a body that
 * was running resumes with its saved context and needs nothing from here, so no field survives
 * serialization but the context.
 */
final class WithInfisicalExecution extends GeneralNonBlockingStepExecution {
  private static final long serialVersionUID = 1L;

  /** Only needed to start; never saved. */
  private final transient BlockOptions options;

  WithInfisicalExecution(BlockOptions options, StepContext context) {
    super(context);
    this.options = options;
  }

  @Override
  public boolean start() {
    run(this::fetchAndStartBody);
    return false;
  }

  private void fetchAndStartBody() throws Exception {
    StepContext context = getContext();
    Run<?, ?> run = context.get(Run.class);
    TaskListener listener = context.get(TaskListener.class);
    FilePath workspace = context.get(FilePath.class);
    EnvVars env = context.get(EnvVars.class);
    BlockLoader.Injection injection = BlockLoader.load(options, run, workspace, listener,
        env == null ? Map.of() : env);
    List<Object> contexts = new ArrayList<>();
    contexts.add(EnvironmentExpander.merge(context.get(EnvironmentExpander.class),
        SecretEnvironment.of(injection.byName())));
    if (!injection.plan().isEmpty()) {
      contexts.add(BodyInvoker.mergeConsoleLogFilters(context.get(ConsoleLogFilter.class),
          MaskingConsoleLogFilter.shipping(injection.plan())));
    }
    context.newBodyInvoker()
        .withContexts(contexts.toArray())
        .withCallback(new EndOfBlock(injection.entries().size(),
            injection.plan().isEmpty() ? null : SealedMasks.of(injection.plan())))
        .start();
  }
}
