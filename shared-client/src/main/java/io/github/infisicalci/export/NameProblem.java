package io.github.infisicalci.export;

import java.util.Objects;

/**
 * Why one variable name cannot be exported.
 *
 * @param name the name (may hold any character: print it with {@link #describe()})
 * @param kind {@link Kind#UNUSABLE}: the consumer or file format cannot hold it, no option helps;
 *     {@link Kind#PROTECTED}: it changes how later steps run code, {@code allowOption} lets it through
 * @param reason one clause
 * @param allowOption the option that allows it ({@code PROTECTED} only, else {@code null})
 */
public record NameProblem(String name, Kind kind, String reason, String allowOption) {
  /** Whether an option can lift the problem. */
  public enum Kind { UNUSABLE, PROTECTED }

  public NameProblem {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }

  /** One sentence: {@code name 'PATH' is protected (PATH: …); to export it, add PATH to allow-protected-names}. */
  public String describe() {
    String shown = EnvNames.printable(name);
    if (kind == Kind.PROTECTED) {
      return "name '" + shown + "' is protected (" + reason + "); to export it, add " + shown + " to "
          + allowOption;
    }
    return "name '" + shown + "' " + reason;
  }
}
