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
  private static final EnvNamePolicy STRICT = NamePolicy.GITHUB_ACTIONS.strict();

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
        () -> KeySelection.parse("GOOD\nA=\n=NAME\nK=BAD NAME\nTWO WORDS\nA?B\n"));
    assertEquals(5, e.problems().size(), e.problems().toString());
    assertTrue(e.problems().get(0).startsWith("line 2:"));
    assertTrue(e.problems().get(1).startsWith("line 3: key '' is empty"));
    assertTrue(e.problems().get(2).startsWith("line 4: name 'BAD NAME'"));
    assertTrue(e.problems().get(3).startsWith("line 5:"));
    assertTrue(e.problems().get(4).startsWith("line 6:"));
  }

  @Test
  void exportsAllKeysWithPrefixAndSuffix() {
    ExportPlan plan = new ExportPlanner(KeySelection.all(), "APP_", "_V", STRICT, true)
        .plan(secrets("A", "1", "B", "2"), SCOPE);
    assertEquals(List.of("APP_A_V", "APP_B_V"), plan.names());
    assertEquals("A", plan.entries().get(0).key());
    assertEquals("2", plan.entries().get(1).value().reveal());
  }

  @Test
  void renamedKeysKeepTheirExactNameAndOptionalOnesMaySkip() {
    ExportPlan plan = new ExportPlanner(KeySelection.parse("A\nb=BEE\nC?"), "P_", "", STRICT, true)
        .plan(secrets("A", "1", "b", "2", "unused", "3"), SCOPE);
    assertEquals(List.of("P_A", "BEE"), plan.names());
    assertEquals(List.of("C"), plan.skippedOptional());
  }

  @Test
  void reportsAllMissingRequiredKeysWithTheirScope() {
    MissingSecretsException e = assertThrows(MissingSecretsException.class,
        () -> new ExportPlanner(KeySelection.parse("A\nX\nY?\nZ"), "", "", STRICT, true)
            .plan(secrets("A", "1"), SCOPE));
    assertEquals(List.of("X", "Z"), e.missingKeys());
    assertEquals("required secrets X, Z not found in project 'shop', environment 'prod', paths '/', '/db'",
        e.problems().get(0));
  }

  @Test
  void missingKeysCanBeTolerated() {
    ExportPlan plan = new ExportPlanner(KeySelection.parse("A\nX"), "", "", STRICT, false)
        .plan(secrets("A", "1"), SCOPE);
    assertEquals(List.of("A"), plan.names());
    assertEquals(List.of("X"), plan.missingRequired());
  }

  @Test
  void nameProblemsAndMissingKeysAreReportedTogetherWithoutValues() {
    MissingSecretsException e = assertThrows(MissingSecretsException.class,
        () -> new ExportPlanner(KeySelection.parse("my-key\nPATH\nQ\nbad=A<<B"), "", "", STRICT, true)
            .plan(secrets("my-key", "s3cr3t-value", "PATH", "/evil", "bad", "x"), SCOPE));
    assertEquals(3, e.problems().size(), e.problems().toString());
    assertTrue(e.problems().get(1).contains("'PATH' is protected")
        && e.problems().get(1).contains("add PATH to allow-protected-names"), e.problems().get(1));
    assertTrue(e.problems().get(2).contains("'A<<B'") && e.problems().get(2).contains("KEY=NAME"));
    assertFalse(e.getMessage().contains("s3cr3t-value"));
    assertFalse(e.getMessage().contains("/evil"));
  }

  /** Issue 10/12: select-all skips protected and unusable names with a reason, exports the rest. */
  @Test
  void selectAllSkipsProtectedAndUnusableNamesAndExportsTheRest() {
    ExportPlan plan = new ExportPlanner(KeySelection.all(), "", "", STRICT, true).plan(secrets(
        "GITHUB_TOKEN", "t", "DB", "1", "my-key", "2", "NODE_OPTIONS", "--require x", "PS4", "$(x)", "a<<b", "3"), SCOPE);
    assertEquals(List.of("DB", "my-key"), plan.names());
    assertEquals(List.of("GITHUB_TOKEN", "NODE_OPTIONS", "PS4", "a<<b"),
        plan.skipped().stream().map(SkippedName::key).toList());
    SkippedName token = plan.skipped().get(0);
    assertEquals(NameProblem.Kind.PROTECTED, token.problem().kind());
    assertEquals("allow-protected-names", token.problem().allowOption());
    assertTrue(token.describe().startsWith("secret 'GITHUB_TOKEN' was not exported: name 'GITHUB_TOKEN' is protected"),
        token.describe());
    assertEquals(NameProblem.Kind.UNUSABLE, plan.skipped().get(1).problem().kind());
    assertEquals(List.of("name 'my-key' is exported but is not usable as $my-key in shells"
        + " (read it with printenv or your language's environment API)"), plan.notes());
  }

  @Test
  void selectAllExportsProtectedNamesTheUserAllowed() {
    ExportPlan plan = new ExportPlanner(KeySelection.all(), "", "",
        NamePolicy.GITHUB_ACTIONS.allowing(List.of("GITHUB_TOKEN")), true)
        .plan(secrets("GITHUB_TOKEN", "t", "PATH", "/x"), SCOPE);
    assertEquals(List.of("GITHUB_TOKEN"), plan.names());
    assertEquals(List.of("PATH"), plan.skipped().stream().map(SkippedName::name).toList());
  }

  @Test
  void explicitProtectedKeyFailsUnlessAllowed() {
    ExportException e = assertThrows(ExportException.class,
        () -> new ExportPlanner(KeySelection.parse("GITHUB_TOKEN"), "", "", STRICT, true)
            .plan(secrets("GITHUB_TOKEN", "t"), SCOPE));
    assertEquals(1, e.problems().size());
    assertTrue(e.problems().get(0).endsWith("add GITHUB_TOKEN to allow-protected-names"), e.problems().get(0));
    ExportPlan allowed = new ExportPlanner(KeySelection.parse("GITHUB_TOKEN"), "", "",
        NamePolicy.GITHUB_ACTIONS.allowing(List.of("GITHUB_TOKEN")), true).plan(secrets("GITHUB_TOKEN", "t"), SCOPE);
    assertEquals(List.of("GITHUB_TOKEN"), allowed.names());
    // NODE_OPTIONS is refused by the runner: no option lets it through
    assertThrows(ExportException.class, () -> new ExportPlanner(KeySelection.parse("A=NODE_OPTIONS"), "", "",
        NamePolicy.GITHUB_ACTIONS.allowing(List.of("*")), true).plan(secrets("A", "x"), SCOPE));
  }

  @Test
  void jenkinsPolicySkipsCaseCollisionsAndKeepsRunnerNames() {
    ExportPlan plan = new ExportPlanner(KeySelection.all(), "", "", NamePolicy.JENKINS.strict(), true)
        .plan(secrets("Token", "1", "TOKEN", "2", "GITHUB_TOKEN", "3", "path", "4", "stripe-key", "5"), SCOPE);
    assertEquals(List.of("Token", "GITHUB_TOKEN", "stripe-key"), plan.names());
    assertEquals(List.of("TOKEN", "path"), plan.skipped().stream().map(SkippedName::key).toList());
    assertTrue(plan.skipped().get(0).describe().contains("already exported for secret 'Token'"));
    assertTrue(plan.skipped().get(1).describe().contains("add path to allowedNames"));
    assertEquals(1, plan.notes().size());
  }

  @Test
  void fileFormatsConstrainNames() {
    Map<String, SecretValue> s = secrets("my-key", "1", "a.b", "2", "a:b", "3", "OK", "4");
    ExportPlanner all = new ExportPlanner(KeySelection.all(), "", "", STRICT, true);
    assertEquals(List.of("my-key", "a.b", "a:b", "OK"), all.withFormat(ExportFormat.JSON).plan(s, SCOPE).names());
    assertEquals(List.of("my-key", "a.b", "OK"), all.withFormat(ExportFormat.DOTENV).plan(s, SCOPE).names());
    ExportPlan shell = all.withFormat(ExportFormat.SHELL).plan(s, SCOPE);
    assertEquals(List.of("OK"), shell.names());
    assertTrue(shell.skipped().get(0).describe().contains("not a shell identifier"), shell.skipped().get(0).describe());
    ExportException e = assertThrows(ExportException.class, () -> new ExportPlanner(KeySelection.parse("NUL"), "", "",
        STRICT, true, ExportFormat.SHELL).plan(secrets("NUL", "a\0b"), SCOPE));
    assertTrue(e.getMessage().contains("NUL character"), e.getMessage());
  }

  /** Issue 10: globs select by pattern, rename by the wildcard part, and must match unless optional. */
  @Test
  void globsSelectRenameAndMustMatchUnlessOptional() {
    Map<String, SecretValue> s = secrets("DATABASE_URL", "u", "DATABASE_USER", "n", "STRIPE_KEY", "k",
        "STRIPE_WEBHOOK_SECRET", "w", "GITHUB_WEBHOOK_SECRET", "g", "OTHER", "o");
    ExportPlan plan = new ExportPlanner(KeySelection.parse("DATABASE_*\nSTRIPE_*=PAYMENTS_*\n*_WEBHOOK_SECRET\nFEATURE_*?"),
        "APP_", "", STRICT, true).plan(s, SCOPE);
    assertEquals(List.of("APP_DATABASE_URL", "APP_DATABASE_USER", "PAYMENTS_KEY", "PAYMENTS_WEBHOOK_SECRET",
        "APP_STRIPE_WEBHOOK_SECRET", "APP_GITHUB_WEBHOOK_SECRET"), plan.names());
    assertEquals(List.of("FEATURE_*"), plan.skippedOptional());
    // without a prefix, a glob match that is protected is skipped, not a failure
    ExportPlan plain = new ExportPlanner(KeySelection.parse("*_WEBHOOK_SECRET\nGITHUB_*"), "", "", STRICT, true).plan(s, SCOPE);
    assertEquals(List.of("STRIPE_WEBHOOK_SECRET"), plain.names());
    assertEquals(List.of("GITHUB_WEBHOOK_SECRET"), plain.skipped().stream().map(SkippedName::key).toList());
    MissingSecretsException e = assertThrows(MissingSecretsException.class,
        () -> new ExportPlanner(KeySelection.parse("REDIS_*\nOTHER"), "", "", STRICT, true).plan(s, SCOPE));
    assertEquals("no secret matches REDIS_* (mark a glob optional with ?, e.g. REDIS_*?) in project 'shop',"
        + " environment 'prod', paths '/', '/db'", e.problems().get(0));
  }

  @Test
  void aKeyAndAGlobSelectingTheSameExportOnceAndAnExplicitNameBeatsAGlobMatch() {
    Map<String, SecretValue> s = secrets("DB_URL", "u", "DB_PASS", "p", "X", "x");
    ExportPlan plan = new ExportPlanner(KeySelection.parse("DB_*\nDB_URL\nX=DB_PASS"), "", "", STRICT, true).plan(s, SCOPE);
    assertEquals(List.of("DB_URL", "DB_PASS"), plan.names());
    assertEquals("X", plan.entries().get(1).key());
    assertEquals(List.of("DB_PASS"), plan.skipped().stream().map(SkippedName::key).toList());
  }

  @Test
  void badGlobRulesAreNamedByLine() {
    ExportException e = assertThrows(ExportException.class, () -> KeySelection.parse("A_*=B\nA=B_*\n*_*=C_*\nOK_*=K_*"));
    assertEquals(3, e.problems().size(), e.problems().toString());
    assertTrue(e.problems().get(0).startsWith("line 1: a renamed glob needs exactly one '*'"));
    assertTrue(KeySelection.parse("OK_*=K_*").rules().get(0).isGlob());
  }

  @Test
  void renameOntoAnotherNameIsADuplicate() {
    ExportException e = assertThrows(ExportException.class,
        () -> new ExportPlanner(KeySelection.parse("A\nB=A"), "", "", STRICT, true)
            .plan(secrets("A", "1", "B", "2"), SCOPE));
    assertEquals(List.of("name 'A' would be exported twice"), e.problems());
  }

  @Test
  void entryToStringHidesTheValue() {
    ExportEntry entry = new ExportEntry("N", "K", SecretValue.of("hunter2"));
    assertFalse(entry.toString().contains("hunter2"));
  }
}
