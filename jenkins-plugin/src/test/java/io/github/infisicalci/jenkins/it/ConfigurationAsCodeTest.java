package io.github.infisicalci.jenkins.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import hudson.security.ACL;
import io.github.infisicalci.jenkins.config.InfisicalGlobalConfiguration;
import io.github.infisicalci.jenkins.credentials.InfisicalUniversalAuthCredentials;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JCasC: casc.yaml configures the global defaults and both credential types; the export applies back. */
@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeTest {
  @TempDir
  Path tempDir;

  @Test
  @ConfiguredWithCode("casc.yaml")
  void appliesExportsAndReappliesTheGlobalDefaults(JenkinsConfiguredWithCodeRule j) throws Exception {
    InfisicalGlobalConfiguration global = InfisicalGlobalConfiguration.get();
    assertConfiguredAsInYaml(global);

    // Export the "infisical" block, reset everything, apply the export: the same configuration again.
    ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
    CNode node = Util.getUnclassifiedRoot(context).get("infisical");
    assertNotNull(node, "the global configuration is exported under unclassified: infisical:");
    String exported = Util.toYamlString(node);
    assertTrue(exported.contains("projectSlug"), exported);

    global.setServerUrl(null);
    global.setCredentialsId(null);
    global.setProjectSlug(null);
    global.setEnvironment(null);
    global.setConnectTimeoutSeconds(0);
    global.setReadTimeoutSeconds(0);
    global.setUseJenkinsProxy(true);
    global.setCaCertificate(null);
    assertEquals(null, global.getServerUrl());

    Path file = tempDir.resolve("exported.yaml");
    String indented = exported.lines().map(l -> "    " + l).collect(Collectors.joining("\n"));
    Files.writeString(file, "unclassified:\n  infisical:\n" + indented + "\n", StandardCharsets.UTF_8);
    ConfigurationAsCode.get().configure(file.toUri().toString());
    assertConfiguredAsInYaml(InfisicalGlobalConfiguration.get());
  }

  @Test
  @ConfiguredWithCode("casc.yaml")
  void credentialsAreCreatedAndTheirSecretsNeverExportedInClear(JenkinsConfiguredWithCodeRule j) throws Exception {
    InfisicalUniversalAuthCredentials ua = CredentialsMatchers.firstOrNull(
        CredentialsProvider.lookupCredentialsInItemGroup(InfisicalUniversalAuthCredentials.class, j.jenkins,
            ACL.SYSTEM2),
        CredentialsMatchers.withId(Fixtures.UNIVERSAL_AUTH));
    assertNotNull(ua, "Universal Auth credentials from casc.yaml");
    assertEquals(Fixtures.CLIENT_ID, ua.getClientId());
    assertEquals(Fixtures.CLIENT_SECRET, ua.getClientSecret().getPlainText());
    assertEquals("CI machine identity", ua.getDescription());

    StringCredentials token = CredentialsMatchers.firstOrNull(
        CredentialsProvider.lookupCredentialsInItemGroup(StringCredentials.class, j.jenkins, ACL.SYSTEM2),
        CredentialsMatchers.withId(Fixtures.SERVICE_TOKEN_TEXT));
    assertNotNull(token);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ConfigurationAsCode.get().export(out);
    String export = out.toString(StandardCharsets.UTF_8);
    assertTrue(export.contains("infisicalUniversalAuth"), "the credential type has its JCasC symbol");
    assertTrue(export.contains(Fixtures.CLIENT_ID));
    assertFalse(export.contains(Fixtures.CLIENT_SECRET), "client secret exported in clear");
    assertFalse(export.contains(Fixtures.SERVICE_TOKEN), "service token exported in clear");
  }

  private static void assertConfiguredAsInYaml(InfisicalGlobalConfiguration g) {
    assertEquals("https://infisical.example.com", g.getServerUrl());
    assertEquals(Fixtures.UNIVERSAL_AUTH, g.getCredentialsId());
    assertEquals("web-app", g.getProjectSlug());
    assertEquals(null, g.getProjectId());
    assertEquals("dev", g.getEnvironment());
    assertEquals(7, g.getConnectTimeoutSeconds());
    assertEquals(21, g.getReadTimeoutSeconds());
    assertFalse(g.isUseJenkinsProxy());
    assertNotNull(g.getCaCertificate());
    assertTrue(g.getCaCertificate().startsWith("-----BEGIN CERTIFICATE-----"), g.getCaCertificate());
    assertTrue(g.getCaCertificate().contains("-----END CERTIFICATE-----"), g.getCaCertificate());
  }
}
