package io.github.infisicalci.export;

import java.util.ArrayList;
import java.util.List;

/**
 * Required keys were not found. Carries every missing key at once and where they were looked for
 * (project, environment, paths); never a value.
 */
public final class MissingSecretsException extends ExportException {
  private static final long serialVersionUID = 1L;

  private final List<String> missingKeys;
  private final transient SecretScope scope;

  MissingSecretsException(List<String> missingKeys, SecretScope scope, List<String> otherProblems) {
    super(concat(describe(missingKeys, scope), otherProblems));
    this.missingKeys = List.copyOf(missingKeys);
    this.scope = scope;
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  private static String describe(List<String> keys, SecretScope scope) {
    String noun = keys.size() == 1 ? "required secret " : "required secrets ";
    return noun + String.join(", ", keys) + " not found in " + scope.describe();
  }

  /** The missing keys, in the order they were asked for. */
  public List<String> missingKeys() {
    return missingKeys;
  }

  /** Where the keys were looked for. */
  public SecretScope scope() {
    return scope;
  }
}
