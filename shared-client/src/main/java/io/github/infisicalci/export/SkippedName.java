package io.github.infisicalci.export;

import io.github.infisicalci.text.Printable;
import java.util.Objects;

/**
 * A secret that a select-all or glob export left out because of its name.
 *
 * @param key the secret key in Infisical
 * @param name the variable name it would have had
 * @param problem why; {@link NameProblem#allowOption()} names the option that lets a protected name through
 */
public record SkippedName(String key, String name, NameProblem problem) {
  public SkippedName {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(problem, "problem");
  }

  /** One sentence for a warning: {@code secret 'GITHUB_TOKEN' was not exported: name 'GITHUB_TOKEN' is protected (…); …}. */
  public String describe() {
    return "secret '" + Printable.quote(key) + "' was not exported: " + problem.describe();
  }
}
