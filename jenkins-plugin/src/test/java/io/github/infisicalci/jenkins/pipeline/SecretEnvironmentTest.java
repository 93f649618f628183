package io.github.infisicalci.jenkins.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import hudson.EnvVars;
import org.junit.jupiter.api.Test;

/**
 * The Pipeline block sets its variables as a freestyle build does: {@code EnvVars.override} (Jenkins core
 * 2.568.1) removes a variable whose new value is empty, and so does every process start, so an empty value
 * unsets the variable here too instead of setting it to "". (The stub {@code EnvVars} is a plain TreeMap.)
 */
class SecretEnvironmentTest {
  @Test
  void anEmptyValueUnsetsTheVariableLikeFreestyle() {
    EnvVars env = new EnvVars();
    env.put("TOKEN", "from-an-outer-block");
    env.put("OTHER", "kept");
    SecretEnvironment.set(env, "TOKEN", "");
    SecretEnvironment.set(env, "NEW_ONE", "");
    SecretEnvironment.set(env, "SET_ONE", "value");
    assertFalse(env.containsKey("TOKEN"));
    assertFalse(env.containsKey("NEW_ONE"));
    assertEquals("value", env.get("SET_ONE"));
    assertEquals("kept", env.get("OTHER"));
  }
}
