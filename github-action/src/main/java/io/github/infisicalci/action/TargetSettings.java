package io.github.infisicalci.action;

import static io.github.infisicalci.action.InputProblems.firstNonBlank;

import io.github.infisicalci.client.InvalidConfigurationException;
import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.client.secrets.SecretsRequest;
import io.github.infisicalci.export.BranchEnvironmentMapping;
import io.github.infisicalci.export.ExportException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What to read: project, environment (from {@code env-slug} or {@code .infisical.json}), folders and
 * the listing flags.
 */
record TargetSettings(
    ProjectRef project,
    String environment,
    String environmentSource,
    List<String> allowedEnvironments,
    List<String> paths,
    boolean recursive,
    boolean includeImports,
    boolean expandReferences) {

  /** Where the environment comes from when a service token's scope decides it. */
  static final String SERVICE_TOKEN_SCOPE = "the service token's scope";

  static TargetSettings parse(Inputs in, Map<String, String> env, Path workspace, LoginSettings login,
      InputProblems p) {
    ProjectRef project = null;
    boolean hasSlug = in.isSet("project-slug");
    boolean hasId = in.isSet("project-id");
    if (hasSlug && hasId) {
      p.add("project-id", "give either project-slug or project-id, not both");
    } else if (hasSlug) {
      project = p.attempt("project-slug", () -> ProjectRef.slug(in.get("project-slug")));
    } else if (hasId) {
      project = p.attempt("project-id", () -> ProjectRef.id(in.get("project-id")));
    } else if (!login.serviceToken()) {
      p.add("project-slug", "is required (or give project-id)");
    }

    String environment = in.get("env-slug");
    String environmentSource = "input env-slug";
    if (environment.isEmpty()) {
      String branch = firstNonBlank(env.get("GITHUB_HEAD_REF"), env.get("GITHUB_REF_NAME"));
      try {
        var mapping = BranchEnvironmentMapping.read(workspace.resolve(".infisical.json"));
        var match = mapping.flatMap(m -> m.resolve(branch));
        if (match.isPresent()) {
          environment = match.get().environment();
          environmentSource = ".infisical.json: " + match.get().describe(branch);
        } else if (login.serviceToken()) {
          environmentSource = SERVICE_TOKEN_SCOPE;
        } else if (mapping.isEmpty()) {
          p.add("env-slug", "is required (there is no .infisical.json in the workspace to map the branch from,"
              + " and only a service token carries its own environment)");
        } else {
          p.add("env-slug", "is empty and .infisical.json maps no environment for branch '"
              + (branch == null ? "" : branch) + "' and has no defaultEnvironment");
        }
      } catch (ExportException e) {
        e.problems().forEach(problem -> p.add("env-slug", "is empty and " + problem));
      }
    }

    List<String> allowed = allowedEnvironments(in);
    if (!environment.isEmpty() && !allowed.isEmpty() && !allowed.contains(environment)) {
      p.add("allowed-environments", "environment '" + environment + "' (" + environmentSource + ") is not one of "
          + String.join(", ", allowed) + "; nothing is read from it");
    }

    List<String> paths = new ArrayList<>();
    for (String line : in.get("secret-path").split("\r?\n")) {
      if (!line.isBlank()) {
        String path = p.attempt("secret-path", () -> SecretsRequest.normalizePath(line));
        if (path != null) {
          paths.add(path);
        }
      }
    }
    if (paths.isEmpty()) {
      paths.add("/");
    }

    TargetSettings target = new TargetSettings(project, environment, environmentSource, allowed, List.copyOf(paths),
        p.bool(in, "recursive"), p.bool(in, "include-imports"), p.bool(in, "expand-references"));
    if (!environment.isEmpty()) {
      try {
        target.request();
      } catch (InvalidConfigurationException e) {
        p.add(e.getMessage().startsWith("environment") ? "env-slug" : "secret-path", e.getMessage());
      }
    }
    return target;
  }

  private static List<String> allowedEnvironments(Inputs in) {
    List<String> allowed = new ArrayList<>();
    for (String slug : in.get("allowed-environments").split("[,\\s]+")) {
      if (!slug.isBlank() && !allowed.contains(slug.trim())) {
        allowed.add(slug.trim());
      }
    }
    return List.copyOf(allowed);
  }

  /** Whether {@code slug} may be read: always when {@code allowed-environments} is empty. */
  boolean allows(String slug) {
    return allowedEnvironments.isEmpty() || allowedEnvironments.contains(slug);
  }

  /** The request for the configured project, environment and paths. */
  SecretsRequest request() {
    SecretsRequest.Builder b = SecretsRequest.builder()
        .environment(environment.isEmpty() ? null : environment)
        .paths(paths)
        .recursive(recursive)
        .includeImports(includeImports)
        .expandReferences(expandReferences);
    if (project != null) {
      b.project(project);
    }
    return b.build();
  }

  /** Project as written in the inputs, for messages. */
  String projectLabel() {
    return project == null ? "(the service token's project)" : project.value();
  }
}
