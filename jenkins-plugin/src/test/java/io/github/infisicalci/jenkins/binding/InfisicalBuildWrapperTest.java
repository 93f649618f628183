package io.github.infisicalci.jenkins.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.export.KeySelection;
import io.github.infisicalci.jenkins.config.InfisicalSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The step's data binding (as Pipeline or a freestyle form would set it) turned into what the block does. */
class InfisicalBuildWrapperTest {

  private static InfisicalSecretKey key(String name, boolean required) {
    InfisicalSecretKey k = new InfisicalSecretKey(name);
    k.setIsRequired(required);
    return k;
  }

  /** The Jenkinsfile syntax of the official jenkinsci/infisical-plugin. */
  @Test
  void officialPluginSyntaxMapsToSettingsAndOneGroupPerFolder() {
    InfisicalConnection conf = new InfisicalConnection();
    conf.setInfisicalUrl("https://infisical.example.com");
    conf.setInfisicalCredentialId("infisical-ua");
    conf.setInfisicalProjectSlug("shop");
    conf.setInfisicalEnvironmentSlug("dev");
    InfisicalBuildWrapper w = new InfisicalBuildWrapper();
    w.setConfiguration(conf);
    w.setInfisicalSecrets(List.of(
        new InfisicalSecretFolder("/", true, List.of(key("DB_PASSWORD", true), key("OPTIONAL_ONE", false))),
        new InfisicalSecretFolder("stripe", false, List.of(key("STRIPE_KEY", true)))));

    InfisicalSettings s = w.options().settings();
    assertEquals("https://infisical.example.com", s.serverUrl());
    assertEquals("infisical-ua", s.credentialsId());
    assertEquals("shop", s.projectSlug());
    assertEquals("dev", s.environment());

    List<FetchGroup> groups = w.options().fetchGroups();
    assertEquals(2, groups.size(), "no concise group when only the official syntax is used");
    assertEquals(List.of("/"), groups.get(0).paths());
    assertTrue(groups.get(0).includeImports());
    assertFalse(groups.get(0).recursive());
    assertEquals(List.of(new KeySelection.Rule("DB_PASSWORD", null, true),
        new KeySelection.Rule("OPTIONAL_ONE", null, false)), groups.get(0).selection().rules());
    assertEquals(List.of("stripe"), groups.get(1).paths());
    assertFalse(groups.get(1).includeImports());
  }

  @Test
  void officialFolderWithoutKeysIsSkippedAndAllEmptyIsAnError() {
    InfisicalBuildWrapper w = new InfisicalBuildWrapper();
    w.setInfisicalSecrets(List.of(new InfisicalSecretFolder("/", true, List.of())));
    BlockException e = assertThrows(BlockException.class, () -> w.options().fetchGroups());
    assertTrue(e.getMessage().contains("secretValues"), e.getMessage());
  }

  @Test
  void conciseSyntaxGivesOneGroupWithPathsKeysAndFlags() {
    InfisicalBuildWrapper w = new InfisicalBuildWrapper();
    w.setCredentialsId("cred");
    w.setProjectId("6f1a");
    w.setEnvironment("prod");
    w.setPaths("/\n/db, /stripe");
    w.setKeys("DB_PASSWORD\nstripe-key=STRIPE_KEY\nSENTRY_DSN?");
    w.setRecursive(true);
    w.setIncludeImports(false);

    List<FetchGroup> groups = w.options().fetchGroups();
    assertEquals(1, groups.size());
    FetchGroup g = groups.get(0);
    assertEquals(List.of("/", "/db", "/stripe"), g.paths());
    assertTrue(g.recursive());
    assertFalse(g.includeImports());
    assertEquals(List.of(new KeySelection.Rule("DB_PASSWORD", null, true),
        new KeySelection.Rule("stripe-key", "STRIPE_KEY", true),
        new KeySelection.Rule("SENTRY_DSN", null, false)), g.selection().rules());
    assertEquals("6f1a", w.options().settings().projectId());
    assertNull(w.options().settings().projectSlug());
  }

  @Test
  void defaultsAreEveryKeyOfTheRootWithImports() {
    InfisicalBuildWrapper w = new InfisicalBuildWrapper();
    FetchGroup g = w.options().fetchGroups().get(0);
    assertEquals(List.of("/"), g.paths());
    assertTrue(g.selection().selectsAll());
    assertTrue(g.includeImports());
    assertFalse(g.recursive());
    assertEquals(InfisicalSettings.EMPTY, w.options().settings());
  }

  @Test
  void conciseFieldsOverrideTheOfficialConfiguration() {
    InfisicalConnection conf = new InfisicalConnection();
    conf.setInfisicalCredentialId("old");
    conf.setInfisicalProjectSlug("old-proj");
    InfisicalBuildWrapper w = new InfisicalBuildWrapper();
    w.setConfiguration(conf);
    w.setCredentialsId("new");
    w.setProjectId("id-1");
    InfisicalSettings s = w.options().settings();
    assertEquals("new", s.credentialsId());
    assertEquals("id-1", s.projectId());
    assertNull(s.projectSlug());
  }

  @Test
  void malformedKeysNameTheFieldAndLine() {
    InfisicalBuildWrapper w = new InfisicalBuildWrapper();
    w.setKeys("GOOD\nBAD=\n");
    BlockException e = assertThrows(BlockException.class, () -> w.options().fetchGroups());
    assertTrue(e.getMessage().startsWith("keys:"), e.getMessage());
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }

  @Test
  void keyRulesCheckNamesLikeTheBlock() {
    assertTrue(KeyRules.problem("DB_PASSWORD\nx=GOOD_NAME").isEmpty());
    assertTrue(KeyRules.problem("x=PATH").orElseThrow().contains("allowedNames"));
    assertTrue(KeyRules.problem("my-key").isEmpty(), "Jenkins carries names that are not shell identifiers");
    assertTrue(KeyRules.problem("GITHUB_TOKEN").isEmpty(), "the GitHub runner's names are not protected in Jenkins");
    assertTrue(KeyRules.pathProblem("/ok\n/also/ok").isEmpty());
    assertTrue(KeyRules.pathProblem("/bad?x").isPresent());
  }

  @Test
  void allowedNamesOfEveryLayerApply() {
    InfisicalBuildWrapper w = new InfisicalBuildWrapper();
    w.setAllowedNames("PATH\n GIT_*, ");
    assertEquals(List.of("JAVA_TOOL_OPTIONS", "LD_PRELOAD", "HOME", "PATH", "GIT_*"),
        w.options().allowedNames(List.of("JAVA_TOOL_OPTIONS", "LD_PRELOAD,HOME")));
    assertEquals(List.of(), new InfisicalBuildWrapper().options().allowedNames(List.of()));
  }

  @Test
  void loginOptionsAreBound() {
    InfisicalBuildWrapper w = new InfisicalBuildWrapper();
    w.setAuthMethod(" Kubernetes ");
    w.setIdentityId("id-1");
    assertEquals(LoginMethod.KUBERNETES, w.options().login().method());
    assertEquals("id-1", w.options().login().identityId());
    assertEquals(LoginMethod.CREDENTIALS, new InfisicalBuildWrapper().options().login().method());
  }
}
