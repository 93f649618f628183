package io.github.infisicalci.jenkins.binding;

import io.github.infisicalci.client.InvalidConfigurationException;
import io.github.infisicalci.client.secrets.SecretsRequest;
import io.github.infisicalci.export.ExportException;
import io.github.infisicalci.export.KeySelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Form checks of the {@code keys} and {@code paths} fields, with the same rules the block applies. */
public final class KeyRules {
  private KeyRules() {
  }

  /** Problems of a key selection text (syntax and the names it exports), or empty. */
  public static Optional<String> problem(String keys) {
    KeySelection selection;
    try {
      selection = KeySelection.parse(keys);
    } catch (ExportException e) {
      return Optional.of(e.getMessage());
    }
    List<String> names = new ArrayList<>();
    for (KeySelection.Rule r : selection.rules()) {
      names.add(r.rename() != null ? r.rename() : r.key());
    }
    List<String> problems = SecretsLoader.policy(List.of()).problems(names);
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  /** Problems of a paths text, or empty. */
  public static Optional<String> pathProblem(String paths) {
    for (String p : BlockOptions.splitPaths(paths)) {
      try {
        SecretsRequest.normalizePath(p);
      } catch (InvalidConfigurationException e) {
        return Optional.of(e.getMessage());
      }
    }
    return Optional.empty();
  }
}
