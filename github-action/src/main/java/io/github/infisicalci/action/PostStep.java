package io.github.infisicalci.action;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code post-entrypoint} step: removes the file written by {@code export-type: file} when
 * {@code clean} was true. It trusts only a {@link CleanupRecord} this run's main step wrote (the state
 * holds its nonce). Only a file inside the workspace is ever removed, and never through a linked folder: the
 * record holds the file's real path, and {@link NoFollowFolder} walks to it without following links.
 */
final class PostStep {
  private final Map<String, String> env;
  private final Log log;

  PostStep(Map<String, String> env, Log log) {
    this.env = env;
    this.log = log;
  }

  int run() {
    String nonce = env.get("STATE_" + CleanupRecord.STATE);
    if (nonce == null || nonce.isBlank()) {
      log.info("Infisical: nothing to clean up");
      return 0;
    }
    var recorded = CleanupRecord.take(env, nonce.trim(),
        why -> log.warning("Infisical: not removing anything: " + why));
    if (recorded.isEmpty()) {
      return 0;
    }
    String saved = recorded.get().toString();
    String workspaceText = env.get("GITHUB_WORKSPACE");
    if (workspaceText == null || workspaceText.isBlank()) {
      log.warning("Infisical: GITHUB_WORKSPACE is not set; not removing " + saved);
      return 0;
    }
    Path file = Path.of(saved).toAbsolutePath().normalize();
    try {
      Path workspace = Path.of(workspaceText).toRealPath();
      if (!file.startsWith(workspace) || file.equals(workspace)) {
        log.warning("Infisical: saved path " + saved + " is outside the workspace; not removing it");
        return 0;
      }
      Path relative = workspace.relativize(file);
      NoFollowFolder.Outcome outcome;
      Path folder = relative.getParent() == null ? Path.of("") : relative.getParent();
      try (NoFollowFolder opened = NoFollowFolder.open(workspace, folder)) {
        outcome = opened.remove(relative.getFileName());
      }
      switch (outcome) {
        case REMOVED -> log.info("Infisical: removed " + relative);
        case ALREADY_GONE -> log.info("Infisical: " + relative + " was already gone");
        case THROUGH_LINK -> log.warning("Infisical: a folder on the way to " + relative + " is now a link, which could"
            + " lead outside the workspace; not removing it");
        case NOT_A_FILE -> log.warning("Infisical: " + relative + " is no longer a file; not removing it");
      }
      return 0;
    } catch (java.nio.file.NoSuchFileException e) {
      log.info("Infisical: " + saved + " was already gone (its workspace is)");
      return 0;
    } catch (IOException e) {
      log.error("Infisical: could not remove " + saved + " (" + e.getClass().getSimpleName() + ")");
      return 1;
    }
  }
}
