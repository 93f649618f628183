package io.github.infisicalci.jenkins.pipeline;

import hudson.EnvVars;
import hudson.util.Secret;
import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.jenkins.console.LiteralSecrets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;

/**
 * The variables of one {@code withInfisical} block, added to the environment of every step inside it.
 * Values are held as {@link Secret}s only, so the Pipeline program saved while the block runs carries
 * them encrypted; the names are reported as sensitive, which makes Pipeline warn when a Groovy string
 * interpolates one of them. Values are set verbatim (no {@code $} expansion). An empty value unsets the variable,
 * as freestyle builds ({@code EnvVars.override}) and every process start ({@code Launcher}) do.
 */
final class SecretEnvironment extends EnvironmentExpander {
  private static final long serialVersionUID = 1L;

  private final LinkedHashMap<String, Secret> values;

  private SecretEnvironment(LinkedHashMap<String, Secret> values) {
    this.values = values;
  }

  /** Seals {@code byName} (variable name → value, in order). */
  static SecretEnvironment of(Map<String, SecretValue> byName) {
    LinkedHashMap<String, Secret> sealed = new LinkedHashMap<>();
    byName.forEach((name, value) -> sealed.put(name, LiteralSecrets.seal(value)));
    return new SecretEnvironment(sealed);
  }

  @Override
  public void expand(EnvVars env) {
    values.forEach((name, secret) -> set(env, name, LiteralSecrets.open(secret).reveal()));
  }

  /** Sets {@code name}, or removes it when {@code value} is empty (the freestyle behaviour). */
  static void set(Map<String, String> env, String name, String value) {
    if (value.isEmpty()) {
      env.remove(name);
    } else {
      env.put(name, value);
    }
  }

  @Override
  public Set<String> getSensitiveVariables() {
    return Collections.unmodifiableSet(values.keySet());
  }

  @Override
  public String toString() {
    return "SecretEnvironment" + values.keySet();
  }
}
