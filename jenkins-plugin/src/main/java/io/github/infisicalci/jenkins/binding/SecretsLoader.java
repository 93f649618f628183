package io.github.infisicalci.jenkins.binding;

import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.client.secrets.Collision;
import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.client.secrets.Secret;
import io.github.infisicalci.client.secrets.SecretsRequest;
import io.github.infisicalci.client.secrets.SecretsResult;
import io.github.infisicalci.export.EnvNamePolicy;
import io.github.infisicalci.export.ExportEntry;
import io.github.infisicalci.export.ExportPlan;
import io.github.infisicalci.export.ExportPlanner;
import io.github.infisicalci.export.NamePolicy;
import io.github.infisicalci.export.SecretScope;
import io.github.infisicalci.export.SkippedName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fetches every {@link FetchGroup} of a block and turns the secrets into the variables to set: key
 * selection and renaming, names checked with the shared export rules under the Jenkins name policy
 * ({@link #policy(List)}), and every missing required key of every group reported at once. A name exported
 * by two groups takes the later group's value. When every key (or a glob) is exported, a protected or
 * unusable name is skipped with a warning; an explicitly selected one fails the block.
 */
public final class SecretsLoader {

  /** The listing call; in production {@code InfisicalClient::fetchSecrets}. */
  @FunctionalInterface
  public interface Fetcher {
    SecretsResult fetch(SecretsRequest request);
  }

  /**
   * What one group injected, for the run action.
   *
   * @param paths the group's paths
   * @param names the variable names injected (no values)
   * @param warnings secrets skipped because of their names and names shells cannot reference (no values)
   */
  public record GroupReport(List<String> paths, List<String> names, List<String> warnings) {
  }

  /**
   * The Jenkins name policy ({@code NamePolicy.JENKINS}: the GitHub runner's names are not protected here)
   * with the protected names the block's layers allow; its messages name the {@code allowedNames} option.
   */
  public static EnvNamePolicy policy(List<String> allowedNames) {
    return NamePolicy.JENKINS.allowing(allowedNames);
  }

  /**
   * The outcome of a block.
   *
   * @param entries variables in order (names unique)
   * @param groups per group, what it injected
   * @param notes lines for the build log (skipped optional keys, replaced names); no values
   */
  public record Loaded(List<ExportEntry> entries, List<GroupReport> groups, List<String> notes) {
    /** Every injected name, in order. */
    public List<String> names() {
      return entries.stream().map(ExportEntry::name).toList();
    }
  }

  /**
   * Jenkins unsets a variable whose value is empty (freestyle: {@code EnvVars.override}; every process start:
   * {@code Launcher} merges the environment the same way), so both front ends unset it inside the block.
   */
  static final String EMPTY_VALUES_NOTE = "Empty values: these variables are unset inside the block, as Jenkins"
      + " does for an empty environment value (an earlier value of the same name is removed too): ";

  private final Fetcher fetcher;
  private final EnvNamePolicy policy;

  public SecretsLoader(Fetcher fetcher, EnvNamePolicy policy) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * Fetches and plans every group.
   *
   * @param project the project ({@code null} only with a service token)
   * @param projectLabel how to name the project in messages
   * @throws BlockException listing every missing required key with project, environment and paths
   * @throws io.github.infisicalci.export.ExportException for invalid or clashing variable names
   * @throws io.github.infisicalci.client.InfisicalException when the server refuses or fails
   */
  public Loaded load(ProjectRef project, String projectLabel, String environment, List<FetchGroup> groups) {
    Map<String, ExportEntry> byName = new LinkedHashMap<>();
    List<GroupReport> reports = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (FetchGroup group : groups) {
      SecretsRequest request = SecretsRequest.builder()
          .project(project)
          .environment(environment)
          .paths(group.paths())
          .recursive(group.recursive())
          .includeImports(group.includeImports())
          .build();
      SecretsResult result = fetcher.fetch(request);
      for (Collision c : result.collisions()) {
        notes.add("Key " + c.key() + " exists in " + String.join(", ", c.losingPaths()) + " and " + c.winningPath()
            + "; the value from " + c.winningPath() + " is used");
      }
      Map<String, SecretValue> values = new LinkedHashMap<>();
      for (Secret s : result.secrets()) {
        values.put(s.key(), s.value());
      }
      SecretScope scope = new SecretScope(projectLabel, environment, request.paths());
      ExportPlan plan = new ExportPlanner(group.selection(), "", "", policy, false).plan(values, scope);
      if (!plan.missingRequired().isEmpty()) {
        missing.add(String.join(", ", plan.missingRequired()) + " (" + scope.describe() + ")");
      }
      if (!plan.skippedOptional().isEmpty()) {
        notes.add("Optional keys not found, skipped: " + String.join(", ", plan.skippedOptional())
            + " (" + scope.describe() + ")");
      }
      for (ExportEntry e : plan.entries()) {
        if (byName.remove(e.name()) != null) {
          notes.add("Variable " + e.name() + " is set again by paths " + String.join(", ", request.paths())
              + "; the later value is used");
        }
        byName.put(e.name(), e);
      }
      List<String> warnings = new ArrayList<>();
      for (SkippedName skipped : plan.skipped()) {
        warnings.add(skipped.describe());
      }
      warnings.addAll(plan.notes());
      reports.add(new GroupReport(request.paths(), plan.names(), List.copyOf(warnings)));
    }
    if (!missing.isEmpty()) {
      throw new BlockException("Required Infisical secrets not found: " + String.join("; ", missing));
    }
    List<ExportEntry> entries = List.copyOf(byName.values());
    List<String> problems = policy.problems(entries.stream().map(ExportEntry::name).toList());
    if (!problems.isEmpty()) {
      throw new BlockException(String.join("; ", problems));
    }
    List<String> empty = entries.stream().filter(e -> e.value().isEmpty()).map(ExportEntry::name).toList();
    if (!empty.isEmpty()) {
      notes.add(EMPTY_VALUES_NOTE + String.join(", ", empty));
    }
    return new Loaded(entries, List.copyOf(reports), List.copyOf(notes));
  }
}
