package io.github.infisicalci.export;

import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.text.Printable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns fetched secrets into the list of variables to export, applying a {@link KeySelection}, a
 * prefix and suffix, an {@link EnvNamePolicy} and, for a file, its {@link ExportFormat}.
 *
 * <p>Names: a key exported under its own name (every key, a literal key, a glob match) becomes
 * {@code prefix + key + suffix}; a key renamed explicitly ({@code KEY=NAME}, {@code A_*=B_*}) gets
 * exactly that name, without prefix or suffix.
 *
 * <p>Name problems: a name chosen explicitly (a literal key in the selection) that is protected,
 * unusable or a duplicate fails the plan, every problem at once ({@link ExportException}); a name that
 * comes from exporting every key or from a glob is skipped instead and listed in
 * {@link ExportPlan#skipped()} with its reason (a protected one names the policy's allow option).
 *
 * @param selection which keys, under which names
 * @param prefix prepended to names that were not renamed explicitly ({@code ""} for none)
 * @param suffix appended to names that were not renamed explicitly ({@code ""} for none)
 * @param policy which names are allowed
 * @param failOnMissing whether an absent required key or glob is an error (otherwise it is listed in
 *     {@link ExportPlan#missingRequired()})
 * @param format the file format the names and values go to, or {@code null} for environment variables
 */
public record ExportPlanner(KeySelection selection, String prefix, String suffix, EnvNamePolicy policy,
    boolean failOnMissing, ExportFormat format) {
  public ExportPlanner {
    Objects.requireNonNull(selection, "selection");
    prefix = prefix == null ? "" : prefix;
    suffix = suffix == null ? "" : suffix;
    Objects.requireNonNull(policy, "policy");
  }

  /** A planner for environment variables (no file format). */
  public ExportPlanner(KeySelection selection, String prefix, String suffix, EnvNamePolicy policy,
      boolean failOnMissing) {
    this(selection, prefix, suffix, policy, failOnMissing, null);
  }

  /** The same planner for a file in {@code format} ({@code null}: environment variables). */
  public ExportPlanner withFormat(ExportFormat format) {
    return new ExportPlanner(selection, prefix, suffix, policy, failOnMissing, format);
  }

  private record Candidate(String name, String key, SecretValue value, boolean explicit) {}

  /**
   * Plans the export of {@code secrets} (key → value, in the order to export).
   *
   * @param scope where the secrets were read, named in the error about missing keys
   * @throws MissingSecretsException when required keys or globs match nothing (and {@code failOnMissing});
   *     its problems also list any name problems
   * @throws ExportException for name problems of explicitly selected keys alone
   */
  public ExportPlan plan(Map<String, SecretValue> secrets, SecretScope scope) {
    List<Candidate> candidates = new ArrayList<>();
    List<String> skippedOptional = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    if (selection.selectsAll()) {
      for (Map.Entry<String, SecretValue> secret : secrets.entrySet()) {
        candidates.add(new Candidate(prefix + secret.getKey() + suffix, secret.getKey(), secret.getValue(), false));
      }
    } else {
      for (KeySelection.Rule rule : selection.rules()) {
        if (rule.isGlob()) {
          Glob glob = new Glob(rule.key(), false);
          int matched = 0;
          for (Map.Entry<String, SecretValue> secret : secrets.entrySet()) {
            String key = secret.getKey();
            if (glob.matches(key)) {
              String name = rule.rename() == null
                  ? prefix + key + suffix
                  : rule.rename().replace("*", Glob.capture(rule.key(), key));
              candidates.add(new Candidate(name, key, secret.getValue(), false));
              matched++;
            }
          }
          if (matched == 0) {
            (rule.required() ? missing : skippedOptional).add(rule.key());
          }
          continue;
        }
        SecretValue value = secrets.get(rule.key());
        if (value == null) {
          (rule.required() ? missing : skippedOptional).add(rule.key());
          continue;
        }
        String name = rule.rename() != null ? rule.rename() : prefix + rule.key() + suffix;
        candidates.add(new Candidate(name, rule.key(), value, true));
      }
    }

    // the same key under the same name selected twice (a key and a glob, two globs) counts once,
    // as explicit when either selection was
    Map<String, Candidate> unique = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      unique.merge(c.key() + '\0' + c.name(), c, (a, b) -> b.explicit() ? b : a);
    }
    List<String> nameProblems = new ArrayList<>();
    List<SkippedName> skipped = new ArrayList<>();
    Map<String, Candidate> accepted = new LinkedHashMap<>();
    for (Candidate c : unique.values()) {
      Optional<NameProblem> problem = policy.problem(c.name(), format);
      if (problem.isEmpty() && format != null) {
        char[] chars = c.value().chars();
        try {
          problem = format.valueProblem(chars).map(reason -> new NameProblem(c.name(), NameProblem.Kind.VALUE,
              "cannot be written to a " + format.inputValue() + " file: the value " + reason, null));
        } finally {
          Arrays.fill(chars, '\0');
        }
      }
      if (problem.isPresent()) {
        if (c.explicit()) {
          nameProblems.add(problem.get().describe()
              + (problem.get().kind() == NameProblem.Kind.UNUSABLE ? " (rename it with KEY=NAME)" : ""));
        } else {
          skipped.add(new SkippedName(c.key(), c.name(), problem.get()));
        }
        continue;
      }
      String identity = policy.identity(c.name());
      Candidate earlier = accepted.get(identity);
      if (earlier == null) {
        accepted.put(identity, c);
      } else if (earlier.explicit() && c.explicit()) {
        nameProblems.add(earlier.name().equals(c.name())
            ? "name '" + Printable.quote(c.name()) + "' would be exported twice"
            : "names '" + Printable.quote(earlier.name()) + "' and '" + Printable.quote(c.name())
                + "' differ only by case (" + policy.rules().label() + " treats them as one variable)");
      } else if (!c.explicit()) {
        skipped.add(new SkippedName(c.key(), c.name(), duplicate(c, earlier)));
      } else {
        accepted.put(identity, c);
        skipped.add(new SkippedName(earlier.key(), earlier.name(), duplicate(earlier, c)));
      }
    }
    if (failOnMissing && !missing.isEmpty()) {
      throw new MissingSecretsException(missing, scope, nameProblems);
    }
    if (!nameProblems.isEmpty()) {
      throw new ExportException(nameProblems);
    }
    List<ExportEntry> entries = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Candidate c : accepted.values()) {
      entries.add(new ExportEntry(c.name(), c.key(), c.value()));
      policy.note(c.name(), format).ifPresent(notes::add);
    }
    return new ExportPlan(entries, skippedOptional, missing, skipped, notes);
  }

  private static NameProblem duplicate(Candidate dropped, Candidate kept) {
    return new NameProblem(dropped.name(), NameProblem.Kind.UNUSABLE,
        "is already exported for secret '" + Printable.quote(kept.key()) + "'"
            + (kept.name().equals(dropped.name()) ? "" : " as '" + Printable.quote(kept.name()) + "'"), null);
  }
}
