package io.github.infisicalci.action;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code post-entrypoint} step: removes the file written by {@code export-type: file} when
 * {@code clean} was true. It trusts only a {@link CleanupRecord} this run's main step wrote (the state
 * holds its nonce). Only a file inside the workspace is ever removed, and never through a linked folder.
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
    Path workspace = Path.of(workspaceText).toAbsolutePath().normalize();
    Path file = Path.of(saved).toAbsolutePath().normalize();
    if (!file.startsWith(workspace) || file.equals(workspace)) {
      log.warning("Infisical: saved path " + saved + " is outside the workspace; not removing it");
      return 0;
    }
    try {
      if (!parentInside(file, workspace)) {
        log.warning("Infisical: saved path " + saved + " resolves outside the workspace (through a link); not removing it");
        return 0;
      }
      if (Files.deleteIfExists(file)) {
        log.info("Infisical: removed " + workspace.relativize(file));
      } else {
        log.info("Infisical: " + workspace.relativize(file) + " was already gone");
      }
      return 0;
    } catch (IOException e) {
      log.error("Infisical: could not remove " + workspace.relativize(file) + " (" + e.getClass().getSimpleName() + ")");
      return 1;
    }
  }

  /**
   * Whether the folder holding {@code file}, with every link resolved, is inside the real workspace (a
   * link as the file itself is removed as a link; its target is never touched). A missing folder means
   * there is nothing to remove, which is harmless.
   */
  private static boolean parentInside(Path file, Path workspace) throws IOException {
    Path parent = file.getParent();
    if (!Files.exists(parent)) {
      return true;
    }
    return parent.toRealPath().startsWith(workspace.toRealPath());
  }
}
