package io.github.infisicalci.jenkins.binding;

import io.github.infisicalci.export.BranchEnvironmentMapping;
import io.github.infisicalci.export.ExportException;
import java.util.Map;
import java.util.Optional;

/**
 * Decides the environment of a block: the configured one (step, folder or global) if any; otherwise the
 * branch ({@code BRANCH_NAME}, else {@code GIT_BRANCH} without its remote prefix) mapped through the
 * workspace's {@code .infisical.json}.
 */
public final class EnvironmentSelector {
  /** The file looked for at the workspace root. */
  public static final String CONFIG_FILE = ".infisical.json";

  /**
   * The choice and a line for the build log explaining it.
   *
   * @param environment environment slug
   * @param explanation one line for the log (no secrets)
   */
  public record Choice(String environment, String explanation) {
  }

  private EnvironmentSelector() {
  }

  /**
   * Chooses the environment.
   *
   * @param configured the merged configured environment, or {@code null}
   * @param buildEnv the build's environment variables
   * @param infisicalJson the text of {@code .infisical.json} in the workspace, or {@code null} when absent
   * @throws BlockException when no environment can be chosen, or the file is malformed
   */
  public static Choice choose(String configured, Map<String, String> buildEnv, String infisicalJson) {
    if (configured != null && !configured.isBlank()) {
      return new Choice(configured.trim(), "Infisical environment '" + configured.trim() + "' (configured)");
    }
    if (infisicalJson == null) {
      throw new BlockException("No Infisical environment: set 'environment' (or 'infisicalEnvironmentSlug') on"
          + " the step, the folder or the global configuration, or add " + CONFIG_FILE
          + " with gitBranchToEnvironmentMapping to the workspace");
    }
    BranchEnvironmentMapping mapping;
    try {
      mapping = BranchEnvironmentMapping.parse(infisicalJson, CONFIG_FILE);
    } catch (ExportException e) {
      throw new BlockException(e.getMessage());
    }
    String branch = branch(buildEnv);
    Optional<BranchEnvironmentMapping.Match> match = mapping.resolve(branch);
    if (match.isEmpty()) {
      throw new BlockException("No Infisical environment for branch '" + (branch == null ? "(unknown)" : branch)
          + "': " + CONFIG_FILE + " maps no rule to it and has no defaultEnvironment");
    }
    String line = branch == null
        ? "Infisical environment '" + match.get().environment() + "' (" + CONFIG_FILE
            + " defaultEnvironment; no BRANCH_NAME or GIT_BRANCH)"
        : match.get().describe(branch);
    return new Choice(match.get().environment(), line);
  }

  /** {@code BRANCH_NAME}, else {@code GIT_BRANCH} without {@code refs/heads/}, {@code refs/remotes/x/} or {@code origin/}. */
  static String branch(Map<String, String> env) {
    String b = env.get("BRANCH_NAME");
    if (b != null && !b.isBlank()) {
      return b.trim();
    }
    String g = env.get("GIT_BRANCH");
    if (g == null || g.isBlank()) {
      return null;
    }
    g = g.trim();
    if (g.startsWith("refs/heads/")) {
      return g.substring("refs/heads/".length());
    }
    if (g.startsWith("refs/remotes/")) {
      String rest = g.substring("refs/remotes/".length());
      int slash = rest.indexOf('/');
      return slash < 0 ? rest : rest.substring(slash + 1);
    }
    if (g.startsWith("origin/")) {
      return g.substring("origin/".length());
    }
    return g;
  }
}
