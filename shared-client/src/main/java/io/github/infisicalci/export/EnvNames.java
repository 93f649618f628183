package io.github.infisicalci.export;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules for environment-variable names that a build may receive.
 *
 * <p>A valid name is a letter or {@code _} followed by letters, digits and {@code _} (POSIX portable
 * names). Protected names change how later processes start or how the CI runner behaves; exporting
 * them is refused unless a caller allows it explicitly (see {@link EnvNamePolicy}).
 */
public final class EnvNames {
  private static final Pattern VALID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Names that change how later steps run; compared case-insensitively. */
  public static final Set<String> PROTECTED_NAMES = Set.of(
      "PATH", "LD_PRELOAD", "LD_LIBRARY_PATH", "LD_AUDIT", "NODE_OPTIONS", "BASH_ENV", "ENV",
      "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

  /** Prefixes reserved for the runner; compared case-insensitively. */
  public static final List<String> PROTECTED_PREFIXES = List.of("GITHUB_", "RUNNER_", "ACTIONS_");

  private EnvNames() {}

  /**
   * Why {@code name} cannot be an environment-variable name, or empty when it can. The reason never
   * repeats control characters verbatim.
   */
  public static Optional<String> syntaxProblem(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("is empty");
    }
    if (name.indexOf('\0') >= 0) {
      return Optional.of("contains a NUL character");
    }
    if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
      return Optional.of("contains a line break");
    }
    if (name.indexOf('=') >= 0) {
      return Optional.of("contains '='");
    }
    if (!VALID.matcher(name).matches()) {
      return Optional.of("must start with a letter or '_' and contain only letters, digits and '_'");
    }
    return Optional.empty();
  }

  /** Whether {@code name} is one of {@link #PROTECTED_NAMES} or starts with a protected prefix. */
  public static boolean isProtected(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    if (PROTECTED_NAMES.contains(upper)) {
      return true;
    }
    for (String prefix : PROTECTED_PREFIXES) {
      if (upper.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** A form of {@code name} safe to print in an error: control characters become {@code \\uXXXX}. */
  public static String printable(String name) {
    if (name == null) {
      return "(null)";
    }
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
