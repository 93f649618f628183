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
    List<String> literal = keys.stream().filter(k -> k.indexOf('*') < 0).toList();
    List<String> globs = keys.stream().filter(k -> k.indexOf('*') >= 0).toList();
    StringBuilder text = new StringBuilder();
    if (!literal.isEmpty()) {
      text.append(literal.size() == 1 ? "required secret " : "required secrets ").append(String.join(", ", literal))
          .append(" not found");
    }
    if (!globs.isEmpty()) {
      text.append(literal.isEmpty() ? "" : "; ").append("no secret matches ").append(String.join(", ", globs))
          .append(" (mark a glob optional with ?, e.g. ").append(globs.get(0)).append("?)");
    }
    return text.append(" in ").append(scope.describe()).toString();
  }

  /** The missing keys (and globs that matched nothing), in the order they were asked for. */
  public List<String> missingKeys() {
    return missingKeys;
  }

  /** Where the keys were looked for. */
  public SecretScope scope() {
    return scope;
  }
}
