package io.github.infisicalci.export;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Small facts about variable names: whether a shell can reference one as {@code $NAME}. A name is
 * printed with {@link io.github.infisicalci.text.Printable#quote}. Which names may be exported at all is {@link NamePolicy}'s and
 * {@link EnvNamePolicy}'s business.
 */
public final class EnvNames {
  private static final Pattern SHELL_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private EnvNames() {}

  /** Whether {@code name} is a shell identifier: a letter or {@code _}, then letters, digits and {@code _}. */
  public static boolean isShellIdentifier(String name) {
    return name != null && SHELL_IDENTIFIER.matcher(name).matches();
  }

  /**
   * Why {@code name} is not a shell identifier, or empty when it is. The reason never repeats control
   * characters verbatim.
   */
  public static Optional<String> syntaxProblem(String name) {
    Optional<String> structural = structuralProblem(name);
    if (structural.isPresent()) {
      return structural;
    }
    if (!isShellIdentifier(name)) {
      return Optional.of("must start with a letter or '_' and contain only letters, digits and '_'");
    }
    return Optional.empty();
  }

  /** Empty, NUL, a line break or {@code =}: what no environment can carry in a name, whatever the consumer. */
  static Optional<String> structuralProblem(String name) {
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
    return Optional.empty();
  }
}
