package io.github.infisicalci.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
