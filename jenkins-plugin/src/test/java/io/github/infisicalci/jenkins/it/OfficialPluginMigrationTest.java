package io.github.infisicalci.jenkins.it;

import static io.github.infisicalci.jenkins.it.Fixtures.API_TOKEN;
import static io.github.infisicalci.jenkins.it.Fixtures.CLIENT_ID;
import static io.github.infisicalci.jenkins.it.Fixtures.CLIENT_SECRET;
import static io.github.infisicalci.jenkins.it.Fixtures.DB_PASSWORD;
import static io.github.infisicalci.jenkins.it.Fixtures.DB_URL;
import static io.github.infisicalci.jenkins.it.Fixtures.PROJECT;
import static io.github.infisicalci.jenkins.it.Fixtures.reversed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.Functions;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.security.ACL;
import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.jenkins.binding.InfisicalBuildWrapper;
import io.github.infisicalci.jenkins.credentials.InfisicalUniversalAuthCredentials;
import io.github.infisicalci.jenkins.migration.OfficialPluginMonitor;
import io.github.infisicalci.jenkins.migration.OfficialPluginXml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * A Jenkins that ran the official jenkinsci/infisical-plugin, restarted without it and with this plugin: its
 * {@code credentials.xml} and its freestyle job's {@code config.xml}, as that plugin wrote them, load into the
 * real credentials store and job; the credential keeps its id, the job its settings, and an official
 * Jenkinsfile runs with the migrated credential.
 */
class OfficialPluginMigrationTest {
  private static final String OFFICIAL_ID = "official-infisical-ua";
  private static DevServer server;

  @RegisterExtension
  private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

  @BeforeAll
  static void startServer() {
    server = DevServer.start(Fixtures.seed());
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void officialCredentialsAndFreestyleJobLoadAndRun() throws Throwable {
    assumeFalse(Functions.isWindows(), "the job uses sh");
    sessions.then(j -> {
      Path home = j.jenkins.getRootDir().toPath();
      Files.writeString(home.resolve("credentials.xml"),
          OfficialPluginXml.credentials(OFFICIAL_ID, CLIENT_ID, CLIENT_SECRET), StandardCharsets.UTF_8);
      Path job = Files.createDirectories(home.resolve("jobs/legacy"));
      Files.writeString(job.resolve("config.xml"), OfficialPluginXml.freestyleJob(server.url(), OFFICIAL_ID, PROJECT),
          StandardCharsets.UTF_8);
    });
    sessions.then(j -> {
      assertFalse(j.jenkins.getExtensionList(OfficialPluginMonitor.class).get(0).isActivated(),
          "the official plugin is not installed");

      List<StandardCredentials> all = CredentialsProvider.lookupCredentialsInItemGroup(StandardCredentials.class,
          j.jenkins, ACL.SYSTEM2, List.of());
      InfisicalUniversalAuthCredentials c = assertInstanceOf(InfisicalUniversalAuthCredentials.class,
          CredentialsMatchers.firstOrNull(all, CredentialsMatchers.withId(OFFICIAL_ID)));
      assertEquals(CredentialsScope.GLOBAL, c.getScope());
      assertEquals("CI machine identity", c.getDescription());
      assertEquals(CLIENT_ID, c.getClientId());
      assertEquals(CLIENT_SECRET, c.getClientSecret().getPlainText());

      FreeStyleProject legacy = j.jenkins.getItemByFullName("legacy", FreeStyleProject.class);
      assertNotNull(legacy, "the job loaded");
      assertNotNull(legacy.getBuildWrappersList().get(InfisicalBuildWrapper.class), "the wrapper loaded as ours");
      FreeStyleBuild b = j.buildAndAssertSuccess(legacy);
      j.assertLogContains(reversed(DB_PASSWORD), b);
      j.assertLogContains(reversed(DB_URL), b);
      j.assertLogContains("optional=[unset]", b);
      Fixtures.assertLogHoldsNoSecret(JenkinsRule.getLog(b));

      // Saved again: our own classes, the official names and the client secret gone from the files.
      legacy.save();
      com.cloudbees.plugins.credentials.SystemCredentialsProvider.getInstance().save();
      String config = Files.readString(legacy.getConfigFile().getFile().toPath());
      String credentials = Files.readString(j.jenkins.getRootDir().toPath().resolve("credentials.xml"));
      assertFalse(config.contains("io.jenkins.plugins.infisicaljenkins"), config);
      assertFalse(credentials.contains("io.jenkins.plugins.infisicaljenkins"), credentials);
      assertFalse(credentials.contains(CLIENT_SECRET), "the client secret is now stored encrypted");

      // The official plugin's Jenkinsfile, unchanged, with its migrated credential.
      WorkflowJob p = j.createProject(WorkflowJob.class, "official-pipeline");
      p.setDefinition(new CpsFlowDefinition("""
          node {
            withInfisical(
              configuration: [
                infisicalCredentialId: '%s',
                infisicalEnvironmentSlug: 'dev',
                infisicalProjectSlug: '%s',
                infisicalUrl: '%s'
              ],
              infisicalSecrets: [
                infisicalSecret(includeImports: true, path: '/', secretValues: [
                  [infisicalKey: 'API_TOKEN'],
                  [infisicalKey: 'THIS_KEY_MIGHT_NOT_EXIST', isRequired: false],
                ])
              ]
            ) {
              sh 'printf "%%s\\\\n" "$API_TOKEN" | rev'
            }
          }
          """.formatted(OFFICIAL_ID, PROJECT, server.url()), true));
      WorkflowRun r = j.buildAndAssertStatus(Result.SUCCESS, p);
      j.assertLogContains(reversed(API_TOKEN), r);
    });
  }
}
