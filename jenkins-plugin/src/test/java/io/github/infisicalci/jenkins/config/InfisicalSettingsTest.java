package io.github.infisicalci.jenkins.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.infisicalci.client.secrets.ProjectRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class InfisicalSettingsTest {

  private static final InfisicalSettings GLOBAL = TestSettings.builder()
      .serverUrl("https://infisical.example.com").credentialsId("global-cred").projectSlug("global-proj")
      .environment("dev").connectTimeoutSeconds(5).readTimeoutSeconds(30).caCertificate("PEM")
      .useJenkinsProxy(true).build();

  @Test
  void innerLayersOverrideFieldByField() {
    InfisicalSettings folder = TestSettings.builder().credentialsId("folder-cred").environment("staging").build();
    InfisicalSettings step = TestSettings.builder().environment("prod").build();

    InfisicalSettings merged = InfisicalSettings.merge(List.of(GLOBAL, folder, step));

    assertEquals("https://infisical.example.com", merged.serverUrl());
    assertEquals("folder-cred", merged.credentialsId());
    assertEquals("global-proj", merged.projectSlug());
    assertEquals("prod", merged.environment());
    assertEquals(5, merged.connectTimeoutSeconds());
    assertEquals(30, merged.readTimeoutSeconds());
    assertEquals("PEM", merged.caCertificate());
    assertEquals(Boolean.TRUE, merged.useJenkinsProxy());
  }

  @Test
  void blankValuesDoNotOverride() {
    InfisicalSettings step = TestSettings.builder().credentialsId("  ").environment("").serverUrl(" ").build();
    InfisicalSettings merged = GLOBAL.overriddenBy(step);
    assertEquals("global-cred", merged.credentialsId());
    assertEquals("dev", merged.environment());
    assertEquals("https://infisical.example.com", merged.serverUrl());
  }

  @Test
  void projectIsOneChoiceAnInnerIdReplacesAnOuterSlug() {
    InfisicalSettings step = TestSettings.builder().projectId("6f1a").build();
    InfisicalSettings merged = GLOBAL.overriddenBy(step);
    assertEquals("6f1a", merged.projectId());
    assertNull(merged.projectSlug(), "the global slug must not survive when the step names a project id");
  }

  @Test
  void projectSurvivesWhenInnerLayerNamesNone() {
    InfisicalSettings merged = GLOBAL.overriddenBy(TestSettings.builder().environment("x").build());
    assertEquals("global-proj", merged.projectSlug());
  }

  @Test
  void nonPositiveTimeoutsMeanUnset() {
    InfisicalSettings s = TestSettings.builder().connectTimeoutSeconds(0).readTimeoutSeconds(-3).build();
    assertNull(s.connectTimeoutSeconds());
    assertNull(s.readTimeoutSeconds());
    assertEquals(5, GLOBAL.overriddenBy(s).connectTimeoutSeconds());
  }

  @Test
  void valuesAreTrimmed() {
    InfisicalSettings s = TestSettings.builder().credentialsId("  id  ").environment(" prod\n").build();
    assertEquals("id", s.credentialsId());
    assertEquals("prod", s.environment());
  }

  @Test
  void proxyCanBeSwitchedOffByAnInnerLayer() {
    InfisicalSettings merged = GLOBAL.overriddenBy(TestSettings.builder().useJenkinsProxy(false).build());
    assertEquals(Boolean.FALSE, merged.useJenkinsProxy());
  }

  @Test
  void projectRefPrefersTheIdThenTheSlug() {
    InfisicalSettings both = InfisicalSettings.connection(null, null, "6f1a", "my-proj", null);
    assertEquals(ProjectRef.id("6f1a"), both.projectRef());
    assertEquals(ProjectRef.slug("my-proj"), InfisicalSettings.connection(null, null, " ", "my-proj", null).projectRef());
    assertNull(InfisicalSettings.connection("https://x.example", "cred", null, null, "prod").projectRef());
  }

  @Test
  void connectionSetsOnlyTheConnectionFields() {
    InfisicalSettings s = InfisicalSettings.connection(" https://x.example ", "cred", null, "proj", "prod");
    assertEquals(TestSettings.builder().serverUrl("https://x.example").credentialsId("cred").projectSlug("proj")
        .environment("prod").build(), s);
  }
}
