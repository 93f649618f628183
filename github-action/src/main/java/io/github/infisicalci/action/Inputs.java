package io.github.infisicalci.action;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The action's inputs, read the way the runner hands them to a container: an environment variable
 * {@code INPUT_} + the input name upper-cased with spaces turned into {@code _} (hyphens kept, so
 * {@code client-id} arrives as {@code INPUT_CLIENT-ID}). Values are trimmed like {@code core.getInput};
 * an unset or blank input takes the default below (the same defaults as {@code action.yml}).
 */
final class Inputs {
  /** Every input this action reads, with its default ({@code ""} for none), in action.yml order. */
  static final Map<String, String> DEFAULTS = defaults();

  private final Map<String, String> env;

  Inputs(Map<String, String> env) {
    this.env = env;
  }

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("method", "universal");
    d.put("client-id", "");
    d.put("client-secret", "");
    d.put("identity-id", "");
    d.put("oidc-audience", "");
    d.put("token", "");
    d.put("domain", "https://app.infisical.com");
    d.put("project-slug", "");
    d.put("project-id", "");
    d.put("env-slug", "");
    d.put("allowed-environments", "");
    d.put("secret-path", "/");
    d.put("recursive", "false");
    d.put("include-imports", "true");
    d.put("expand-references", "true");
    d.put("secret-name", "");
    d.put("secrets", "");
    d.put("env-prefix", "");
    d.put("env-suffix", "");
    d.put("export-type", "env");
    d.put("file-output-path", "/.env");
    d.put("file-format", "dotenv");
    d.put("clean", "true");
    d.put("allow-protected-names", "");
    d.put("fail-on-missing", "true");
    d.put("extra-headers", "");
    d.put("ca-certificate", "");
    d.put("proxy", "");
    d.put("timeout", "60");
    d.put("retries", "3");
    d.put("deadline", "5m");
    d.put("export-token", "false");
    d.put("kubernetes-token-path", "");
    return java.util.Collections.unmodifiableMap(d);
  }

  /** Input names in a stable order (for documentation checks). */
  static List<String> names() {
    return List.copyOf(DEFAULTS.keySet());
  }

  /** The environment-variable name the runner uses for {@code input}. */
  static String envName(String input) {
    return "INPUT_" + input.replace(' ', '_').toUpperCase(Locale.ROOT);
  }

  /** The trimmed value, or the default when unset or blank. */
  String get(String input) {
    String raw = env.get(envName(input));
    if (raw == null || raw.isBlank()) {
      return DEFAULTS.getOrDefault(input, "");
    }
    return raw.trim();
  }

  /** The value exactly as given (untrimmed), or {@code ""} when unset. For secrets whose spaces matter. */
  String raw(String input) {
    String raw = env.get(envName(input));
    return raw == null ? "" : raw;
  }

  /** Whether the input was given (non-blank). */
  boolean isSet(String input) {
    String raw = env.get(envName(input));
    return raw != null && !raw.isBlank();
  }
}
