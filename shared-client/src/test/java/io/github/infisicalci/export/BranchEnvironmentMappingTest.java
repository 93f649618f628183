package io.github.infisicalci.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.export.BranchEnvironmentMapping.Match;
import io.github.infisicalci.export.BranchEnvironmentMapping.MatchKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BranchEnvironmentMappingTest {
  private static final String CONFIG = """
      {
        "workspaceId": "abc",
        "defaultEnvironment": "dev",
        "gitBranchToEnvironmentMapping": {
          "*": "dev",
          "main": "prod",
          "release/*": "staging",
          "release/2026-*": "prod",
          "hotfix-?": "qa"
        }
      }
      """;

  @Test
  void exactBeatsGlobsAndTheMostSpecificGlobWins() {
    BranchEnvironmentMapping mapping = BranchEnvironmentMapping.parse(CONFIG, ".infisical.json");
    assertEquals(new Match("prod", MatchKind.EXACT, "main"), mapping.resolve("main").orElseThrow());
    assertEquals(new Match("staging", MatchKind.GLOB, "release/*"), mapping.resolve("release/1.0").orElseThrow());
    assertEquals(new Match("prod", MatchKind.GLOB, "release/2026-*"), mapping.resolve("release/2026-01").orElseThrow());
    assertEquals(new Match("qa", MatchKind.GLOB, "hotfix-?"), mapping.resolve("hotfix-7").orElseThrow());
    assertEquals(new Match("dev", MatchKind.GLOB, "*"), mapping.resolve("feature/x").orElseThrow());
  }

  @Test
  void fallsBackToDefaultEnvironment() {
    BranchEnvironmentMapping mapping = BranchEnvironmentMapping.parse(
        "{\"defaultEnvironment\":\"staging\",\"gitBranchToEnvironmentMapping\":{\"main\":\"prod\"}}", "f");
    assertEquals(new Match("staging", MatchKind.DEFAULT, "defaultEnvironment"), mapping.resolve("dev-x").orElseThrow());
    assertEquals(MatchKind.DEFAULT, mapping.resolve(null).orElseThrow().kind());
    assertTrue(BranchEnvironmentMapping.parse("{}", "f").resolve("main").isEmpty());
    assertTrue(mapping.resolve("dev-x").orElseThrow().describe("dev-x").contains("defaultEnvironment 'staging'"));
  }

  @Test
  void globCharactersInBranchNamesAreLiteralElsewhere() {
    assertTrue(BranchEnvironmentMapping.globMatches("a.b*", "a.bc"));
    assertTrue(!BranchEnvironmentMapping.globMatches("a.b*", "axbc"));
    assertTrue(!BranchEnvironmentMapping.globMatches("release/*", "xrelease/1"));
  }

  /** Mutation survivor: literal text after the last wildcard must match too. */
  @Test
  void literalTextAfterTheLastWildcardMustMatch() {
    BranchEnvironmentMapping mapping = BranchEnvironmentMapping.parse(
        "{\"gitBranchToEnvironmentMapping\":{\"release/*-prod\":\"prod\",\"release/*\":\"staging\"}}", "f");
    assertEquals("prod", mapping.resolve("release/7-prod").orElseThrow().environment());
    assertEquals("staging", mapping.resolve("release/7-prodx").orElseThrow().environment());
    assertEquals("staging", mapping.resolve("release/7").orElseThrow().environment());
    assertFalse(BranchEnvironmentMapping.globMatches("release/*-prod", "release/7-pro"));
    assertFalse(BranchEnvironmentMapping.globMatches("release/*-prod", "release/"));
    assertTrue(BranchEnvironmentMapping.globMatches("release/*-prod", "release/-prod"));
    assertFalse(BranchEnvironmentMapping.globMatches("a*b*c", "abcb"));
    assertTrue(BranchEnvironmentMapping.globMatches("a*b*c", "aXbYbZc"));
  }

  /** Mutation survivor: equally specific patterns tie, and the one written first wins (either order). */
  @Test
  void tiesBetweenEquallySpecificPatternsGoToTheOneWrittenFirst() {
    String ab = "{\"gitBranchToEnvironmentMapping\":{\"feat/*\":\"first\",\"*at/x1\":\"second\"}}";
    String ba = "{\"gitBranchToEnvironmentMapping\":{\"*at/x1\":\"second\",\"feat/*\":\"first\"}}";
    assertEquals(new Match("first", MatchKind.GLOB, "feat/*"),
        BranchEnvironmentMapping.parse(ab, "f").resolve("feat/x1").orElseThrow());
    assertEquals(new Match("second", MatchKind.GLOB, "*at/x1"),
        BranchEnvironmentMapping.parse(ba, "f").resolve("feat/x1").orElseThrow());
    // one more literal character wins regardless of order
    String more = "{\"gitBranchToEnvironmentMapping\":{\"feat/*\":\"a\",\"feat/x*\":\"b\"}}";
    assertEquals("b", BranchEnvironmentMapping.parse(more, "f").resolve("feat/x1").orElseThrow().environment());
  }

  /** Mutation survivor: a pattern starting with '?' needs exactly one character there. */
  @Test
  void aPatternStartingWithAQuestionMarkMatchesExactlyOneCharacter() {
    assertTrue(BranchEnvironmentMapping.globMatches("?-fix", "a-fix"));
    assertFalse(BranchEnvironmentMapping.globMatches("?-fix", "-fix"));
    assertFalse(BranchEnvironmentMapping.globMatches("?-fix", "ab-fix"));
    assertTrue(BranchEnvironmentMapping.globMatches("??", "ü😀"));
    BranchEnvironmentMapping mapping = BranchEnvironmentMapping.parse(
        "{\"gitBranchToEnvironmentMapping\":{\"?-fix\":\"qa\"},\"defaultEnvironment\":\"dev\"}", "f");
    assertEquals("qa", mapping.resolve("a-fix").orElseThrow().environment());
    assertEquals("dev", mapping.resolve("-fix").orElseThrow().environment());
  }

  /**
   * Issue 12: a hostile pattern against a long branch name is matched in steps proportional to the
   * branch length (a backtracking matcher takes exponential time here), asserted on the step count.
   */
  @Test
  void aPathologicalPatternIsMatchedInLinearSteps() {
    String pattern = "*************************Z";
    String branch = "a".repeat(10_000);
    long[] steps = {0};
    assertFalse(new Glob(pattern, true).matches(branch, steps));
    // runs of '*' collapse to one: two pattern positions per branch character
    assertTrue(steps[0] <= 2L * branch.length(), "steps: " + steps[0]);
    long[] longer = {0};
    assertFalse(new Glob(pattern, true).matches(branch + branch, longer));
    assertEquals(2 * steps[0], longer[0], "steps grow linearly with the branch length");
    String alternating = "*a*a*a*a*a*a*a*a*a*a*a*a*b";
    long[] bounded = {0};
    assertFalse(new Glob(alternating, true).matches(branch, bounded));
    assertTrue(bounded[0] <= (long) alternating.length() * branch.length(), "steps: " + bounded[0]);
    assertTrue(new Glob(pattern, true).matches(branch + "Z"));
  }

  @Test
  void readsAFileAndToleratesItsAbsence(@TempDir Path dir) throws Exception {
    assertTrue(BranchEnvironmentMapping.read(dir.resolve(".infisical.json")).isEmpty());
    Files.writeString(dir.resolve(".infisical.json"), CONFIG);
    assertEquals("prod", BranchEnvironmentMapping.read(dir.resolve(".infisical.json")).orElseThrow()
        .resolve("main").orElseThrow().environment());
  }

  @Test
  void namesTheFileAndFieldOnBadInput() {
    ExportException notJson = assertThrows(ExportException.class,
        () -> BranchEnvironmentMapping.parse("{\"a\":", ".infisical.json"));
    assertTrue(notJson.getMessage().startsWith(".infisical.json is not valid JSON"), notJson.getMessage());
    ExportException badFields = assertThrows(ExportException.class, () -> BranchEnvironmentMapping.parse(
        "{\"defaultEnvironment\":3,\"gitBranchToEnvironmentMapping\":{\"main\":\"\",\"dev\":1}}", "cfg"));
    assertEquals(3, badFields.problems().size(), badFields.problems().toString());
    assertTrue(badFields.problems().get(1).contains("gitBranchToEnvironmentMapping['main']"));
  }
}
