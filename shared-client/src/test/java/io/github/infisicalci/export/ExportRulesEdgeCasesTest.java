package io.github.infisicalci.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.export.BranchEnvironmentMapping.Match;
import io.github.infisicalci.export.BranchEnvironmentMapping.MatchKind;
import io.github.infisicalci.export.ProtectedNames.Family;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Edges of the export rules that mutation testing showed untested: the exact problem texts, characters
 * at the start of a name, an empty wildcard part, and which selection wins when two pick the same key.
 */
class ExportRulesEdgeCasesTest {
  private static final SecretScope ONE_PATH = new SecretScope("shop", "prod", List.of("/"));
  private static final EnvNamePolicy GITHUB = NamePolicy.GITHUB_ACTIONS.strict();

  private static Map<String, SecretValue> secrets(String... keyValues) {
    Map<String, SecretValue> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], SecretValue.of(keyValues[i + 1]));
    }
    return map;
  }

  private static ExportPlan plan(String selection, EnvNamePolicy policy, Map<String, SecretValue> secrets) {
    return new ExportPlanner(KeySelection.parse(selection), "", "", policy, true).plan(secrets, ONE_PATH);
  }

  @Test
  void eachBadLineIsExplainedInFull() {
    ExportException e = assertThrows(ExportException.class,
        () -> KeySelection.parse("TWO WORDS\nA?B\nK=BAD NAME\nK=A?B\n*_KEY=NAME\nNAME=*_X"));
    assertEquals(List.of(
        "line 1: key 'TWO WORDS' contains whitespace or a control character",
        "line 2: key 'A?B' contains '?' (the optional marker goes at the end of the key)",
        "line 3: name 'BAD NAME' contains whitespace or a control character",
        "line 4: name 'A?B' contains '?' (the optional marker goes at the end of the key)",
        "line 5: a renamed glob needs exactly one '*' on each side (e.g. STRIPE_*=PAYMENTS_*)",
        "line 6: a renamed glob needs exactly one '*' on each side (e.g. STRIPE_*=PAYMENTS_*)"), e.problems());
  }

  @Test
  void aRuleIsShownAsWritten() {
    assertEquals("KEY", new KeySelection.Rule("KEY", null, true).text());
    assertEquals("KEY?=NAME", new KeySelection.Rule("KEY", "NAME", false).text());
    assertEquals("DB_*=X_*", KeySelection.parse("DB_*=X_*").rules().get(0).text());
  }

  @Test
  void forbiddenCharactersAreFoundAtTheStartOfANameToo() {
    assertEquals("contains a NUL character", EnvNames.syntaxProblem("\0A").orElseThrow());
    assertEquals("contains a line break", EnvNames.syntaxProblem("\nA").orElseThrow());
    assertEquals("contains a line break", EnvNames.syntaxProblem("\rA").orElseThrow());
    assertEquals("contains '='", EnvNames.syntaxProblem("=A").orElseThrow());
    // EnvNames.printable is gone: names are shown with text.Printable.quote (PrintableTest covers null)
  }

  @Test
  void aRenamedGlobMayCaptureAnEmptyPartOrAPartBeforeItsTail() {
    ExportPlan plan = plan("STRIPE_*=PAYMENTS_*\n*_SECRET=S_*", GITHUB,
        secrets("STRIPE_", "1", "DB_SECRET", "2"));
    assertEquals(List.of("PAYMENTS_", "S_DB"), plan.names());
  }

  @Test
  void aKeySelectedByNameAndByAGlobIsExplicitWhicheverComesFirst() {
    Map<String, SecretValue> s = secrets("GITHUB_TOKEN", "t");
    for (String selection : List.of("GITHUB_*\nGITHUB_TOKEN", "GITHUB_TOKEN\nGITHUB_*")) {
      ExportException e = assertThrows(ExportException.class, () -> plan(selection, GITHUB, s), selection);
      assertTrue(e.problems().get(0).startsWith("name 'GITHUB_TOKEN' is protected"), e.problems().get(0));
    }
  }

  @Test
  void aDuplicateNamesTheSecretThatKeptTheNameAndItsNameWhenItDiffers() {
    ExportPlan jenkins = new ExportPlanner(KeySelection.all(), "", "", NamePolicy.JENKINS.strict(), true)
        .plan(secrets("Token", "1", "TOKEN", "2"), ONE_PATH);
    assertEquals("secret 'TOKEN' was not exported: name 'TOKEN' is already exported for secret 'Token' as 'Token'",
        jenkins.skipped().get(0).describe());
    ExportPlan same = plan("DB_*\nX=DB_PASS", GITHUB, secrets("DB_PASS", "p", "X", "x"));
    assertEquals("secret 'DB_PASS' was not exported: name 'DB_PASS' is already exported for secret 'X'",
        same.skipped().get(0).describe());
  }

  @Test
  void anUnusableNameIsReportedOnceEachTimeAndNeverAsADuplicate() {
    assertEquals(List.of(
        "name 'A B' contains whitespace, a control character or an invisible character",
        "name 'A B' contains whitespace, a control character or an invisible character"),
        GITHUB.problems(List.of("A B", "A B")));
    List<String> path = GITHUB.problems(List.of("PATH", "PATH"));
    assertEquals(3, path.size(), path.toString());
    assertEquals("name 'PATH' would be exported twice", path.get(2));
  }

  @Test
  void aGlobStartingWithAStarIsReportedAsAGlob() {
    MissingSecretsException e = assertThrows(MissingSecretsException.class,
        () -> plan("*_URL\nX", GITHUB, secrets("A", "1")));
    assertEquals("required secret X not found; no secret matches *_URL (mark a glob optional with ?, e.g. *_URL?)"
        + " in project 'shop', environment 'prod', path '/'", e.problems().get(0));
    assertEquals(List.of("*_URL", "X"), e.missingKeys().stream().sorted().toList());
    assertEquals(ONE_PATH, e.scope());
  }

  @Test
  void protectedFamiliesAreLabelledAndAPrefixCoversTheBarePrefix() {
    assertEquals("PATH", new Family("PATH", ProtectedNames.Kind.EXACT, false, "r").label());
    assertEquals("GIT_*", new Family("GIT_", ProtectedNames.Kind.PREFIX, false, "r").label());
    assertTrue(GITHUB.problem("PATH", null).orElseThrow().describe()
        .startsWith("name 'PATH' is protected (PATH: it decides which program runs"));
    NameProblem bare = GITHUB.problem("LD_", null).orElseThrow();
    assertEquals(NameProblem.Kind.PROTECTED, bare.kind());
    assertTrue(bare.describe().contains("(LD_*: "), bare.describe());
    assertEquals(NameProblem.Kind.PROTECTED, NamePolicy.JENKINS.strict().problem("DOCKER_", null).orElseThrow().kind());
  }

  @Test
  void familyListsCombineInOrderAndCanBeMadeCaseInsensitive() {
    Family a = new Family("A", ProtectedNames.Kind.EXACT, false, "ra");
    Family b = new Family("B_", ProtectedNames.Kind.PREFIX, false, "rb");
    assertEquals(List.of(a, b), ProtectedNames.concat(List.of(a), List.of(b)));
    List<Family> any = ProtectedNames.inAnyCase(List.of(a, b));
    assertEquals(List.of(new Family("A", ProtectedNames.Kind.EXACT, true, "ra"),
        new Family("B_", ProtectedNames.Kind.PREFIX, true, "rb")), any);
    assertTrue(any.get(1).matches("b_x", false));
  }

  @Test
  void theDefaultEnvironmentIsExposedAndDescribedForAMissingBranch() {
    BranchEnvironmentMapping mapping = BranchEnvironmentMapping.of(Map.of("main", "prod"), "  dev ");
    assertEquals(Optional.of("dev"), mapping.defaultEnvironment());
    assertEquals(Optional.empty(), BranchEnvironmentMapping.of(Map.of(), " ").defaultEnvironment());
    Match none = mapping.resolve(null).orElseThrow();
    assertEquals(new Match("dev", MatchKind.DEFAULT, "defaultEnvironment"), none);
    assertEquals("branch '' has no mapping; using defaultEnvironment 'dev'", none.describe(null));
    assertEquals("branch 'x' has no mapping; using defaultEnvironment 'dev'", none.describe("x"));
  }
}
