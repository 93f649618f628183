package io.github.infisicalci.jenkins.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.export.ExportEntry;
import io.github.infisicalci.jenkins.binding.BlockLoader;
import io.github.infisicalci.jenkins.console.MaskingConsoleLogFilter;
import io.github.infisicalci.jenkins.console.SealedMasks;
import io.github.infisicalci.jenkins.console.MaskingPlan;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What Pipeline saves while a {@code withInfisical} block runs (program.dat) and ships to agents: the
 * step execution, the environment expander, the body callback (with its masks) and the log filter. Offline the stub
 * {@code Secret} cannot encrypt, so this checks the declared state: every serialized field can hold only
 * encrypted values ({@code Secret}), names, counts or ids, never plain text of a value.
 */
class SavedStateTest {
  /** Serialized field types that cannot carry a secret value. */
  private static final Set<String> SAFE_TYPES = Set.of(
      "int", "boolean",
      "java.util.LinkedHashMap<java.lang.String, hudson.util.Secret>",
      "java.util.List<hudson.util.Secret>",
      "io.github.infisicalci.jenkins.console.SealedMasks");
  /** String-typed fields that hold variable names or a run id (checked by name, so a new one fails here). */
  private static final Set<String> NAME_FIELDS = Set.of(
      "MaskingConsoleLogFilter.runId: java.lang.String",
      "SealedMasks.names: java.util.List<java.lang.String>");

  private static List<String> serializedFields(Class<?> type) {
    List<String> out = new ArrayList<>();
    for (Class<?> c = type; c != null && c.getName().startsWith("io.github.infisicalci."); c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        int mod = f.getModifiers();
        if (!Modifier.isStatic(mod) && !Modifier.isTransient(mod)) {
          out.add(c.getSimpleName() + "." + f.getName() + ": " + f.getGenericType().getTypeName());
        }
      }
    }
    return out;
  }

  @Test
  void nothingSavedWithTheProgramCanHoldAPlainValue() {
    List<String> unsafe = new ArrayList<>();
    for (Class<?> c : List.of(WithInfisicalExecution.class, SecretEnvironment.class, EndOfBlock.class,
        SealedMasks.class, MaskingConsoleLogFilter.class)) {
      assertTrue(Serializable.class.isAssignableFrom(c), c + " is saved with the program");
      for (String f : serializedFields(c)) {
        String type = f.substring(f.indexOf(": ") + 2);
        if (!SAFE_TYPES.contains(type) && !NAME_FIELDS.contains(f)) {
          unsafe.add(f);
        }
      }
    }
    assertTrue(unsafe.isEmpty(), "fields that could carry plain text: " + unsafe);
  }

  @Test
  void theExpanderHoldsEncryptedValuesOnly() {
    assertEquals(List.of("SecretEnvironment.values: java.util.LinkedHashMap<java.lang.String, hudson.util.Secret>"),
        serializedFields(SecretEnvironment.class));
  }

  @Test
  void theExecutionKeepsItsOptionsOutOfTheProgram() {
    assertEquals(List.of(), serializedFields(WithInfisicalExecution.class),
        "the options are only needed to start the block");
  }

  /** What the step hands to the expander and the filter: every variable once, in order, with its own value. */
  @Test
  void injectionListsTheVariablesInOrder() {
    SecretValue a = SecretValue.of("alpha-value");
    SecretValue b = SecretValue.of("beta-value");
    List<ExportEntry> entries = List.of(new ExportEntry("B_VAR", "b", b), new ExportEntry("A_VAR", "a", a));
    MaskingPlan plan = MaskingPlan.of(Map.of("B_VAR", b, "A_VAR", a));
    BlockLoader.Injection injection = new BlockLoader.Injection(entries, plan, plan.masker());

    assertEquals(List.of("B_VAR", "A_VAR"), injection.names());
    assertEquals(List.of("B_VAR", "A_VAR"), List.copyOf(injection.byName().keySet()));
    assertEquals("beta-value", injection.byName().get("B_VAR").reveal());
    assertEquals("alpha-value", injection.byName().get("A_VAR").reveal());
    assertTrue(!injection.toString().contains("alpha-value") && !injection.toString().contains("beta-value"),
        injection.toString());
  }
}
