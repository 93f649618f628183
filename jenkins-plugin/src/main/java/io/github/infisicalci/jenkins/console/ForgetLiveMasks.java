package io.github.infisicalci.jenkins.console;

import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import jenkins.tasks.SimpleBuildWrapper;

/** Ends a freestyle block: forgets the run's masker (a log stream that already started masking keeps it). */
public final class ForgetLiveMasks extends SimpleBuildWrapper.Disposer {
  private static final long serialVersionUID = 1L;

  private final String runId;

  public ForgetLiveMasks(String runId) {
    this.runId = runId;
  }

  @Override
  public void tearDown(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener) {
    LiveMasks.remove(runId);
  }

  /** Called instead of the four-argument form because the wrapper does not require a workspace. */
  @Override
  public void tearDown(Run<?, ?> build, TaskListener listener) {
    LiveMasks.remove(runId);
  }
}
