package io.github.infisicalci.export;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which environment-variable names may be exported: always a valid name ({@link EnvNames}), never two
 * names that differ only by case, and protected names only when allowed here.
 *
 * @param allowAllProtected every protected name is allowed
 * @param allowedProtected protected names allowed one by one (compared case-insensitively)
 */
public record EnvNamePolicy(boolean allowAllProtected, Set<String> allowedProtected) {
  public EnvNamePolicy {
    Set<String> upper = new HashSet<>();
    for (String name : allowedProtected) {
      upper.add(name.trim().toUpperCase(Locale.ROOT));
    }
    allowedProtected = Set.copyOf(upper);
  }

  /** Refuses every protected name. */
  public static EnvNamePolicy strict() {
    return new EnvNamePolicy(false, Set.of());
  }

  /**
   * Allows the listed protected names; {@code *} or {@code true} in the list allows them all. Blank
   * entries are ignored.
   */
  public static EnvNamePolicy allowing(Collection<String> names) {
    boolean all = false;
    Set<String> allowed = new HashSet<>();
    for (String raw : names) {
      String name = raw == null ? "" : raw.trim();
      if (name.equals("*") || name.equalsIgnoreCase("true")) {
        all = true;
      } else if (!name.isEmpty()) {
        allowed.add(name);
      }
    }
    return new EnvNamePolicy(all, allowed);
  }

  /** Whether this policy lets {@code name} through the protected-name rule. */
  public boolean permitsProtected(String name) {
    return allowAllProtected || allowedProtected.contains(name.toUpperCase(Locale.ROOT));
  }

  /**
   * Every problem with {@code names} taken together: invalid names, protected names not allowed,
   * duplicates and names that differ only by case. Empty when all are fine.
   */
  public List<String> problems(List<String> names) {
    List<String> problems = new ArrayList<>();
    Map<String, String> firstByUpper = new HashMap<>();
    for (String name : names) {
      var syntax = EnvNames.syntaxProblem(name);
      if (syntax.isPresent()) {
        problems.add("name '" + EnvNames.printable(name) + "' " + syntax.get());
        continue;
      }
      if (EnvNames.isProtected(name) && !permitsProtected(name)) {
        problems.add("name '" + name + "' is protected (it changes how later steps run);"
            + " allow it explicitly to export it");
      }
      String upper = name.toUpperCase(Locale.ROOT);
      String first = firstByUpper.putIfAbsent(upper, name);
      if (first != null) {
        problems.add(first.equals(name)
            ? "name '" + name + "' would be exported twice"
            : "names '" + first + "' and '" + name + "' differ only by case");
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
