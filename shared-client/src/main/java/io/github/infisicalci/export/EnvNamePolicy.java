package io.github.infisicalci.export;

import io.github.infisicalci.export.ProtectedNames.Family;
import io.github.infisicalci.text.Printable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link NamePolicy} together with what a user allowed: decides, name by name, whether a variable
 * name may be exported, and why not ({@link NameProblem}).
 *
 * @param rules the named policy (GitHub Actions or Jenkins)
 * @param allowAllProtected every protected name is allowed
 * @param allowed protected names allowed one by one: exact names or {@code PREFIX*}, compared in any case
 */
public record EnvNamePolicy(NamePolicy rules, boolean allowAllProtected, List<String> allowed) {
  public EnvNamePolicy {
    java.util.Objects.requireNonNull(rules, "rules");
    allowed = List.copyOf(allowed);
  }

  /** Whether the user allowed {@code name} through the protected-name rule. */
  public boolean permitsProtected(String name) {
    if (allowAllProtected) {
      return true;
    }
    for (String entry : allowed) {
      if (entry.endsWith("*")) {
        String prefix = entry.substring(0, entry.length() - 1);
        if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
          return true;
        }
      } else if (entry.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Why {@code name} cannot be exported to {@code format} ({@code null}: as environment variables), or
   * empty when it can. Checked in this order: what the consumer cannot carry, what the file format
   * cannot hold, what the consumer refuses ({@code NODE_OPTIONS} on GitHub), then protected families
   * not allowed by the user.
   */
  public Optional<NameProblem> problem(String name, ExportFormat format) {
    Optional<String> carrier = rules.carrierProblem(name);
    if (carrier.isPresent()) {
      return Optional.of(new NameProblem(name, NameProblem.Kind.UNUSABLE, carrier.get(), null));
    }
    if (format != null) {
      Optional<String> formatProblem = format.nameProblem(name);
      if (formatProblem.isPresent()) {
        return Optional.of(new NameProblem(name, NameProblem.Kind.UNUSABLE, formatProblem.get(), null));
      }
    }
    Optional<String> refusal = rules.refusal(name);
    if (refusal.isPresent()) {
      return Optional.of(new NameProblem(name, NameProblem.Kind.UNUSABLE, "is refused: " + refusal.get(), null));
    }
    Optional<Family> family = rules.protectedFamily(name);
    if (family.isPresent() && !permitsProtected(name)) {
      return Optional.of(new NameProblem(name, NameProblem.Kind.PROTECTED,
          family.get().label() + ": " + family.get().reason(), rules.allowOption()));
    }
    return Optional.empty();
  }

  /**
   * A note for a name that is exported but that shells cannot reference as {@code $NAME} (not a letter
   * or {@code _} followed by letters, digits and {@code _}); empty for such identifiers and for JSON.
   */
  public Optional<String> note(String name, ExportFormat format) {
    if (format == ExportFormat.JSON || EnvNames.isShellIdentifier(name)) {
      return Optional.empty();
    }
    return Optional.of("name '" + Printable.quote(name) + "' is exported but is not usable as $"
        + Printable.quote(name) + " in shells (read it with printenv or your language's environment API)");
  }

  /** Whether two names are the same variable for this policy's consumer. */
  public String identity(String name) {
    return rules.caseInsensitive() ? name.toUpperCase(Locale.ROOT) : name;
  }

  /**
   * Every problem with {@code names} taken together, as for explicitly chosen names exported as
   * environment variables: unusable, refused and protected names, and duplicates (names that differ
   * only by case, where the consumer ignores case). Empty when all are fine.
   */
  public List<String> problems(List<String> names) {
    List<String> problems = new ArrayList<>();
    Map<String, String> first = new HashMap<>();
    for (String name : names) {
      Optional<NameProblem> problem = problem(name, null);
      if (problem.isPresent()) {
        problems.add(problem.get().describe());
        if (problem.get().kind() == NameProblem.Kind.UNUSABLE) {
          continue;
        }
      }
      String earlier = first.putIfAbsent(identity(name), name);
      if (earlier != null) {
        problems.add(earlier.equals(name)
            ? "name '" + name + "' would be exported twice"
            : "names '" + earlier + "' and '" + name + "' differ only by case (" + rules.label()
                + " treats them as one variable)");
      }
    }
    return problems;
  }

  /** Throws {@link ExportException} listing every problem of {@link #problems(List)}. */
  public void check(List<String> names) {
    List<String> problems = problems(names);
    if (!problems.isEmpty()) {
      throw new ExportException(problems);
    }
  }
}
