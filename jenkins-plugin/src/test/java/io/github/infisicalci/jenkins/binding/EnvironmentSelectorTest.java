package io.github.infisicalci.jenkins.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentSelectorTest {
  private static final String JSON = """
      {"workspaceId": "abc",
       "defaultEnvironment": "dev",
       "gitBranchToEnvironmentMapping": {"main": "prod", "release/*": "staging", "feature/*": "dev"}}
      """;

  @Test
  void configuredEnvironmentWinsOverTheFile() {
    EnvironmentSelector.Choice c = EnvironmentSelector.choose("qa", Map.of("BRANCH_NAME", "main"), JSON);
    assertEquals("qa", c.environment());
    assertTrue(c.explanation().contains("configured"));
  }

  @Test
  void branchNameIsMappedExactlyFirst() {
    EnvironmentSelector.Choice c = EnvironmentSelector.choose(null, Map.of("BRANCH_NAME", "main"), JSON);
    assertEquals("prod", c.environment());
    assertTrue(c.explanation().contains("main"), c.explanation());
  }

  @Test
  void gitBranchLosesItsRemotePrefixAndMatchesGlobs() {
    assertEquals("staging", EnvironmentSelector.choose(null, Map.of("GIT_BRANCH", "origin/release/1.2"), JSON)
        .environment());
    assertEquals("staging", EnvironmentSelector.choose(null,
        Map.of("GIT_BRANCH", "refs/remotes/upstream/release/2"), JSON).environment());
    assertEquals("prod", EnvironmentSelector.choose(null, Map.of("GIT_BRANCH", "refs/heads/main"), JSON)
        .environment());
  }

  @Test
  void branchNameTakesPrecedenceOverGitBranch() {
    assertEquals("prod", EnvironmentSelector.choose(null,
        Map.of("BRANCH_NAME", "main", "GIT_BRANCH", "origin/feature/x"), JSON).environment());
  }

  @Test
  void unmappedBranchFallsBackToTheDefault() {
    EnvironmentSelector.Choice c = EnvironmentSelector.choose(null, Map.of("BRANCH_NAME", "hotfix-9"), JSON);
    assertEquals("dev", c.environment());
    assertTrue(c.explanation().contains("defaultEnvironment"), c.explanation());
  }

  @Test
  void noBranchUsesTheDefault() {
    assertEquals("dev", EnvironmentSelector.choose(null, Map.of(), JSON).environment());
  }

  @Test
  void noEnvironmentAnywhereIsAClearError() {
    BlockException e = assertThrows(BlockException.class, () -> EnvironmentSelector.choose(null, Map.of(), null));
    assertTrue(e.getMessage().contains("environment"), e.getMessage());
    assertTrue(e.getMessage().contains(".infisical.json"), e.getMessage());
  }

  @Test
  void unmappedBranchWithoutDefaultNamesTheBranch() {
    String json = "{\"gitBranchToEnvironmentMapping\": {\"main\": \"prod\"}}";
    BlockException e = assertThrows(BlockException.class,
        () -> EnvironmentSelector.choose(null, Map.of("BRANCH_NAME", "feature/a"), json));
    assertTrue(e.getMessage().contains("'feature/a'"), e.getMessage());
  }

  @Test
  void malformedFileIsReportedWithItsName() {
    BlockException e = assertThrows(BlockException.class,
        () -> EnvironmentSelector.choose(null, Map.of("BRANCH_NAME", "main"), "{not json"));
    assertTrue(e.getMessage().contains(".infisical.json"), e.getMessage());
  }
}
