package io.github.infisicalci.export;

import io.github.infisicalci.text.Printable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which secret keys to export and under which names.
 *
 * <p>Text form, one rule per line (blank lines and lines starting with {@code #} are ignored):
 * <pre>
 * DB_PASSWORD                 export DB_PASSWORD as DB_PASSWORD (required)
 * stripe-key=STRIPE_API_KEY   export key stripe-key as STRIPE_API_KEY (required)
 * SENTRY_DSN?                 optional: skipped when the key does not exist
 * SENTRY_DSN?=DSN             optional and renamed
 * DATABASE_*                  every key matching the glob, each under its own name (prefix/suffix applied)
 * STRIPE_*=PAYMENTS_*         every matching key, renamed by its wildcard part (STRIPE_KEY → PAYMENTS_KEY)
 * FEATURE_*?                  optional glob: matching no key is not an error
 * </pre>
 * In keys, {@code *} matches any run of characters; a renamed glob has exactly one {@code *} on each
 * side. A glob that matches no key is an error unless optional. An empty selection ({@link #all()})
 * exports every key under its own name. Renamed names are checked when planning, by the name policy.
 */
public final class KeySelection {
  /**
   * One selected key.
   *
   * @param key the secret key in Infisical
   * @param rename the environment name given explicitly, or {@code null} to use the key itself
   * @param required whether a missing key is an error
   */
  public record Rule(String key, String rename, boolean required) {
    public Rule {
      Objects.requireNonNull(key, "key");
    }

    /** Whether {@link #key()} is a glob ({@code *}) that may match several keys. */
    public boolean isGlob() {
      return key.indexOf('*') >= 0;
    }

    /** The rule as written: {@code KEY}, {@code KEY?=NAME}, {@code DB_*}. */
    public String text() {
      return key + (required ? "" : "?") + (rename == null ? "" : "=" + rename);
    }
  }

  private static final KeySelection ALL = new KeySelection(List.of());

  private final List<Rule> rules;

  private KeySelection(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Every key, under its own name. */
  public static KeySelection all() {
    return ALL;
  }

  /** The given rules, in order; an empty list means {@link #all()}. */
  public static KeySelection of(List<Rule> rules) {
    return rules.isEmpty() ? ALL : new KeySelection(rules);
  }

  /**
   * Parses the text form. Throws {@link ExportException} naming every bad line (by number); blank text
   * gives {@link #all()}.
   */
  public static KeySelection parse(String text) {
    if (text == null || text.isBlank()) {
      return ALL;
    }
    List<Rule> rules = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int number = i + 1;
      String keyPart = line;
      String rename = null;
      int eq = line.indexOf('=');
      if (eq >= 0) {
        keyPart = line.substring(0, eq).trim();
        rename = line.substring(eq + 1).trim();
        if (rename.isEmpty()) {
          problems.add("line " + number + ": nothing after '=' (write KEY or KEY=ENV_NAME)");
          continue;
        }
        String renameProblem = nameProblem(rename);
        if (renameProblem != null) {
          problems.add("line " + number + ": name '" + Printable.quote(rename) + "' " + renameProblem);
          continue;
        }
      }
      boolean required = true;
      if (keyPart.endsWith("?")) {
        required = false;
        keyPart = keyPart.substring(0, keyPart.length() - 1).trim();
      }
      String keyProblem = keyProblem(keyPart);
      if (keyProblem != null) {
        problems.add("line " + number + ": key '" + Printable.quote(keyPart) + "' " + keyProblem);
        continue;
      }
      if (rename != null && (keyPart.indexOf('*') >= 0 || rename.indexOf('*') >= 0)
          && (count(keyPart, '*') != 1 || count(rename, '*') != 1)) {
        problems.add("line " + number + ": a renamed glob needs exactly one '*' on each side (e.g. STRIPE_*=PAYMENTS_*)");
        continue;
      }
      rules.add(new Rule(keyPart, rename, required));
    }
    if (!problems.isEmpty()) {
      throw new ExportException(problems);
    }
    return of(rules);
  }

  private static int count(String text, char c) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      n += text.charAt(i) == c ? 1 : 0;
    }
    return n;
  }

  private static String nameProblem(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        return "contains whitespace or a control character";
      }
      if (c == '?') {
        return "contains '?' (the optional marker goes at the end of the key)";
      }
    }
    return null;
  }

  private static String keyProblem(String key) {
    if (key.isEmpty()) {
      return "is empty";
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        return "contains whitespace or a control character";
      }
      if (c == '?') {
        return "contains '?' (the optional marker goes at the end of the key)";
      }
    }
    return null;
  }

  /** Whether every key is exported under its own name. */
  public boolean selectsAll() {
    return rules.isEmpty();
  }

  /** The rules in order; empty for {@link #all()}. */
  public List<Rule> rules() {
    return rules;
  }
}
