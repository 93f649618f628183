package io.github.infisicalci.export;

import io.github.infisicalci.text.Printable;
import java.util.Objects;

/**
 * Why one variable name cannot be exported.
 *
 * @param name the name (may hold any character: print it with {@link #describe()})
 * @param kind {@link Kind#UNUSABLE}: the consumer or file format cannot hold the name, no option helps
 *     (renaming does); {@link Kind#PROTECTED}: it changes how later steps run code, {@code allowOption} lets it
 *     through; {@link Kind#VALUE}: the file format cannot hold the value (another format can)
 * @param reason one clause
 * @param allowOption the option that allows it ({@code PROTECTED} only, else {@code null})
 */
public record NameProblem(String name, Kind kind, String reason, String allowOption) {
  /** What can lift the problem: a rename, the allow option, another format. */
  public enum Kind { UNUSABLE, PROTECTED, VALUE }

  public NameProblem {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }

  /** One sentence: {@code name 'PATH' is protected (PATH: …); to export it, add PATH to allow-protected-names}. */
  public String describe() {
    String shown = Printable.quote(name);
    if (kind == Kind.PROTECTED) {
      return "name '" + shown + "' is protected (" + reason + "); to export it, add " + shown + " to "
          + allowOption;
    }
    return "name '" + shown + "' " + reason;
  }
}
