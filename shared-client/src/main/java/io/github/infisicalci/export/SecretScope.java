package io.github.infisicalci.export;

import java.util.List;
import java.util.Objects;

/**
 * Where secrets were read from, for error messages: project (slug or id), environment slug and the
 * folder paths, in request order.
 */
public record SecretScope(String project, String environment, List<String> paths) {
  public SecretScope {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(environment, "environment");
    paths = List.copyOf(paths);
  }

  /** {@code project 'p', environment 'dev', path '/' } (or {@code paths '/a', '/b'}). */
  public String describe() {
    StringBuilder text = new StringBuilder();
    text.append("project '").append(project).append("', environment '").append(environment).append("', ");
    text.append(paths.size() == 1 ? "path " : "paths ");
    for (int i = 0; i < paths.size(); i++) {
      text.append(i == 0 ? "" : ", ").append('\'').append(paths.get(i)).append('\'');
    }
    return text.toString();
  }
}
