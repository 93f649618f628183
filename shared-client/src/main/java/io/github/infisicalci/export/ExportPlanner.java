package io.github.infisicalci.export;

import io.github.infisicalci.client.SecretValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns fetched secrets into the list of variables to export, applying a {@link KeySelection}, a
 * prefix and suffix, and an {@link EnvNamePolicy}. Every problem is collected and reported at once.
 *
 * <p>Names: a key exported under its own name becomes {@code prefix + key + suffix}; a key renamed
 * explicitly ({@code KEY=NAME}) is exported as {@code NAME}, without prefix or suffix.
 *
 * @param selection which keys, under which names
 * @param prefix prepended to names that were not renamed explicitly ({@code ""} for none)
 * @param suffix appended to names that were not renamed explicitly ({@code ""} for none)
 * @param policy which names are allowed
 * @param failOnMissing whether an absent required key is an error (otherwise it is listed in
 *     {@link ExportPlan#missingRequired()})
 */
public record ExportPlanner(
    KeySelection selection, String prefix, String suffix, EnvNamePolicy policy, boolean failOnMissing) {
  public ExportPlanner {
    Objects.requireNonNull(selection, "selection");
    prefix = prefix == null ? "" : prefix;
    suffix = suffix == null ? "" : suffix;
    Objects.requireNonNull(policy, "policy");
  }

  /** All keys, own names, strict policy, missing keys fail. */
  public static ExportPlanner defaults() {
    return new ExportPlanner(KeySelection.all(), "", "", EnvNamePolicy.strict(), true);
  }

  /**
   * Plans the export of {@code secrets} (key → value, in the order to export).
   *
   * @param scope where the secrets were read, named in the error about missing keys
   * @throws MissingSecretsException when required keys are absent (and {@code failOnMissing}); its
   *     problems also list any name problems
   * @throws ExportException for name problems alone
   */
  public ExportPlan plan(Map<String, SecretValue> secrets, SecretScope scope) {
    List<ExportEntry> entries = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    if (selection.selectsAll()) {
      for (Map.Entry<String, SecretValue> secret : secrets.entrySet()) {
        entries.add(new ExportEntry(prefix + secret.getKey() + suffix, secret.getKey(), secret.getValue()));
      }
    } else {
      for (KeySelection.Rule rule : selection.rules()) {
        SecretValue value = secrets.get(rule.key());
        if (value == null) {
          (rule.required() ? missing : skipped).add(rule.key());
          continue;
        }
        String name = rule.rename() != null ? rule.rename() : prefix + rule.key() + suffix;
        entries.add(new ExportEntry(name, rule.key(), value));
      }
    }
    List<String> nameProblems = new ArrayList<>();
    for (String problem : policy.problems(entries.stream().map(ExportEntry::name).toList())) {
      nameProblems.add(problem + hintFor(problem));
    }
    if (failOnMissing && !missing.isEmpty()) {
      throw new MissingSecretsException(missing, scope, nameProblems);
    }
    if (!nameProblems.isEmpty()) {
      throw new ExportException(nameProblems);
    }
    return new ExportPlan(entries, skipped, missing);
  }

  private String hintFor(String problem) {
    return problem.contains("must start with") || problem.contains("contains")
        ? " (select the key and rename it with KEY=ENV_NAME)"
        : "";
  }
}
