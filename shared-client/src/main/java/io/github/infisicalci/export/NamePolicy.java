package io.github.infisicalci.export;

import io.github.infisicalci.export.ProtectedNames.Family;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A named name policy: which protected-name families apply, which names the consumer (the GitHub
 * runner, Jenkins) can carry at all, whether names compare in any case there, and the name of the option
 * that lets a protected name through. The rules that differ between GitHub Actions and Jenkins live
 * here and nowhere else; {@link #allowing(Collection)} and {@link #strict()} combine a policy with what a
 * user allowed into an {@link EnvNamePolicy}.
 *
 * @param label "GitHub Actions" or "Jenkins", for messages
 * @param families the protected families, in review order
 * @param caseInsensitive whether the consumer treats names that differ only by case as one variable
 *     (Jenkins' {@code EnvVars}; Windows); then every family matches in any case and such names collide
 * @param refused names the consumer refuses or reinterprets even when allowed (compared in any case),
 *     with the reason for each
 * @param forbiddenText text the consumer reinterprets inside a name, with the reason: {@code <<} for the
 *     GitHub runner (its heredoc marker), {@code +} for Jenkins ({@code EnvVars} reads {@code PATH+X} as
 *     "prepend to PATH")
 * @param allowOption the option a user sets to export a protected name, as users spell it
 */
public record NamePolicy(String label, List<Family> families, boolean caseInsensitive, List<Family> refused,
    Map<String, String> forbiddenText, String allowOption) {
  public NamePolicy {
    Objects.requireNonNull(label, "label");
    families = List.copyOf(families);
    refused = List.copyOf(refused);
    forbiddenText = Map.copyOf(forbiddenText);
    Objects.requireNonNull(allowOption, "allowOption");
  }

  /**
   * The GitHub Actions policy: the common families plus the runner's ({@code GITHUB_*}, {@code RUNNER_*},
   * {@code ACTIONS_*}, {@code INPUT_*}, {@code STATE_*}); protected names match in any case (the same
   * action runs on Windows runners through the portable entry, where {@code Path} is {@code PATH}), while
   * names that differ only by case stay two variables (Linux runners keep them apart);
   * {@code NODE_OPTIONS} is refused by the runner itself; the option is {@code allow-protected-names}.
   */
  public static final NamePolicy GITHUB_ACTIONS = new NamePolicy("GitHub Actions",
      ProtectedNames.inAnyCase(ProtectedNames.concat(ProtectedNames.COMMON, ProtectedNames.GITHUB_RUNNER)), false,
      List.of(new Family("NODE_OPTIONS", ProtectedNames.Kind.EXACT, true,
          "the runner refuses to set NODE_OPTIONS from a step (it reports an error and drops it)")),
      Map.of("<<", "the runner would read it as a multi-line value marker"), "allow-protected-names");

  /**
   * The Jenkins policy: the common families only (no GitHub runner names); names compare in any case
   * (Jenkins' {@code EnvVars} and Windows agents); the option defaults to {@code allowedNames} (see
   * {@link #withAllowOption(String)}).
   */
  public static final NamePolicy JENKINS = new NamePolicy("Jenkins", ProtectedNames.COMMON, true, List.of(),
      Map.of("+", "Jenkins would read NAME+X as 'prepend the value to NAME'"), "allowedNames");

  /** The same policy, naming another option in its messages. */
  public NamePolicy withAllowOption(String option) {
    return new NamePolicy(label, families, caseInsensitive, refused, forbiddenText, option);
  }

  /** The protected family {@code name} belongs to, if any. */
  public Optional<Family> protectedFamily(String name) {
    return ProtectedNames.find(families, name, caseInsensitive);
  }

  /** The reason the consumer refuses or reinterprets {@code name} even when allowed, if it does. */
  public Optional<String> refusal(String name) {
    return ProtectedNames.find(refused, name, true).map(Family::reason);
  }

  /**
   * Why the consumer cannot carry {@code name} as a variable name, or empty when it can. Refused: empty
   * names, NUL, line breaks, {@code =} (the runner's file commands and every OS environment split on it),
   * {@link #forbiddenText()} ({@code <<} on GitHub, {@code +} in Jenkins), whitespace, control and invisible format characters
   * (a name that cannot be typed in a workflow and prints misleadingly). Never repeats a control
   * character verbatim.
   */
  public Optional<String> carrierProblem(String name) {
    Optional<String> structural = EnvNames.structuralProblem(name);
    if (structural.isPresent()) {
      return structural;
    }
    for (Map.Entry<String, String> forbidden : forbiddenText.entrySet()) {
      if (name.contains(forbidden.getKey())) {
        return Optional.of("contains '" + forbidden.getKey() + "' (" + forbidden.getValue() + ")");
      }
    }
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)
          || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.UNASSIGNED
          || Character.getType(cp) == Character.SURROGATE || Character.getType(cp) == Character.PRIVATE_USE) {
        return Optional.of("contains whitespace, a control character or an invisible character");
      }
      i += Character.charCount(cp);
    }
    return Optional.empty();
  }

  /** This policy with nothing allowed. */
  public EnvNamePolicy strict() {
    return new EnvNamePolicy(this, false, List.of());
  }

  /**
   * This policy with the listed protected names allowed: exact names, or prefixes written {@code NAME*}
   * (e.g. {@code DOCKER_*}), compared in any case; {@code *} or {@code true} allows every protected name.
   * Blank entries are ignored. Names the consumer refuses ({@link #refusal}) stay refused.
   */
  public EnvNamePolicy allowing(Collection<String> allowed) {
    boolean all = false;
    List<String> entries = new java.util.ArrayList<>();
    for (String raw : allowed) {
      String entry = raw == null ? "" : raw.trim();
      if (entry.equals("*") || entry.equalsIgnoreCase("true")) {
        all = true;
      } else if (!entry.isEmpty()) {
        entries.add(entry);
      }
    }
    return new EnvNamePolicy(this, all, entries);
  }
}
