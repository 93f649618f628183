package io.github.infisicalci.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.SecretValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportPlannerTest {
  private static final SecretScope SCOPE = new SecretScope("shop", "prod", List.of("/", "/db"));

  private static Map<String, SecretValue> secrets(String... keyValues) {
    Map<String, SecretValue> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], SecretValue.of(keyValues[i + 1]));
    }
    return map;
  }

  @Test
  void parsesEveryRuleForm() {
    KeySelection selection = KeySelection.parse("""
        # comment

        DB_PASSWORD
        stripe-key = STRIPE_API_KEY
        SENTRY_DSN?
          OTHER?=RENAMED\r
        """);
    assertEquals(List.of(
        new KeySelection.Rule("DB_PASSWORD", null, true),
        new KeySelection.Rule("stripe-key", "STRIPE_API_KEY", true),
        new KeySelection.Rule("SENTRY_DSN", null, false),
        new KeySelection.Rule("OTHER", "RENAMED", false)), selection.rules());
    assertTrue(KeySelection.parse("  \n ").selectsAll());
  }

  @Test
  void reportsEveryBadLineByNumber() {
    ExportException e = assertThrows(ExportException.class,
        () -> KeySelection.parse("GOOD\nA=\n=NAME\nK=1BAD\nTWO WORDS\nA?B\n"));
    assertEquals(5, e.problems().size(), e.problems().toString());
    assertTrue(e.problems().get(0).startsWith("line 2:"));
    assertTrue(e.problems().get(1).startsWith("line 3: key '' is empty"));
    assertTrue(e.problems().get(2).startsWith("line 4: name '1BAD'"));
    assertTrue(e.problems().get(3).startsWith("line 5:"));
    assertTrue(e.problems().get(4).startsWith("line 6:"));
  }

  @Test
  void exportsAllKeysWithPrefixAndSuffix() {
    ExportPlan plan = new ExportPlanner(KeySelection.all(), "APP_", "_V", EnvNamePolicy.strict(), true)
        .plan(secrets("A", "1", "B", "2"), SCOPE);
    assertEquals(List.of("APP_A_V", "APP_B_V"), plan.names());
    assertEquals("A", plan.entries().get(0).key());
    assertEquals("2", plan.entries().get(1).value().reveal());
  }

  @Test
  void renamedKeysKeepTheirExactNameAndOptionalOnesMaySkip() {
    ExportPlan plan = new ExportPlanner(KeySelection.parse("A\nb=BEE\nC?"), "P_", "", EnvNamePolicy.strict(), true)
        .plan(secrets("A", "1", "b", "2", "unused", "3"), SCOPE);
    assertEquals(List.of("P_A", "BEE"), plan.names());
    assertEquals(List.of("C"), plan.skippedOptional());
  }

  @Test
  void reportsAllMissingRequiredKeysWithTheirScope() {
    MissingSecretsException e = assertThrows(MissingSecretsException.class,
        () -> new ExportPlanner(KeySelection.parse("A\nX\nY?\nZ"), "", "", EnvNamePolicy.strict(), true)
            .plan(secrets("A", "1"), SCOPE));
    assertEquals(List.of("X", "Z"), e.missingKeys());
    assertEquals("required secrets X, Z not found in project 'shop', environment 'prod', paths '/', '/db'",
        e.problems().get(0));
  }

  @Test
  void missingKeysCanBeTolerated() {
    ExportPlan plan = new ExportPlanner(KeySelection.parse("A\nX"), "", "", EnvNamePolicy.strict(), false)
        .plan(secrets("A", "1"), SCOPE);
    assertEquals(List.of("A"), plan.names());
    assertEquals(List.of("X"), plan.missingRequired());
  }

  @Test
  void nameProblemsAndMissingKeysAreReportedTogetherWithoutValues() {
    MissingSecretsException e = assertThrows(MissingSecretsException.class,
        () -> new ExportPlanner(KeySelection.parse("my-key\nPATH\nQ"), "", "", EnvNamePolicy.strict(), true)
            .plan(secrets("my-key", "s3cr3t-value", "PATH", "/evil"), SCOPE));
    assertEquals(3, e.problems().size(), e.problems().toString());
    assertTrue(e.problems().get(1).contains("'my-key'") && e.problems().get(1).contains("KEY=ENV_NAME"));
    assertTrue(e.problems().get(2).contains("'PATH' is protected"));
    assertFalse(e.getMessage().contains("s3cr3t-value"));
    assertFalse(e.getMessage().contains("/evil"));
  }

  @Test
  void renameOntoAnotherNameIsADuplicate() {
    ExportException e = assertThrows(ExportException.class,
        () -> new ExportPlanner(KeySelection.parse("A\nB=A"), "", "", EnvNamePolicy.strict(), true)
            .plan(secrets("A", "1", "B", "2"), SCOPE));
    assertEquals(List.of("name 'A' would be exported twice"), e.problems());
  }

  @Test
  void entryToStringHidesTheValue() {
    ExportEntry entry = new ExportEntry("N", "K", SecretValue.of("hunter2"));
    assertFalse(entry.toString().contains("hunter2"));
  }
}
