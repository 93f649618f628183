package io.github.infisicalci.jenkins.it;

import static io.github.infisicalci.jenkins.it.Fixtures.DB_PASSWORD;
import static io.github.infisicalci.jenkins.it.Fixtures.DB_USER;
import static io.github.infisicalci.jenkins.it.Fixtures.DOLLAR_VALUE;
import static io.github.infisicalci.jenkins.it.Fixtures.MULTI_LINE;
import static io.github.infisicalci.jenkins.it.Fixtures.PROJECT;
import static io.github.infisicalci.jenkins.it.Fixtures.UNIVERSAL_AUTH;
import static io.github.infisicalci.jenkins.it.Fixtures.reversed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import hudson.Functions;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Label;
import hudson.model.Result;
import hudson.model.TaskListener;
import hudson.tasks.Shell;
import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.jenkins.binding.InfisicalBuildWrapper;
import io.github.infisicalci.jenkins.binding.InfisicalConnection;
import io.github.infisicalci.jenkins.binding.InfisicalSecretFolder;
import io.github.infisicalci.jenkins.binding.InfisicalSecretKey;
import io.github.infisicalci.jenkins.report.InfisicalRunAction;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The "Infisical secrets" Build Environment option of freestyle jobs. */
@WithJenkins
class FreestyleTest {
  private static DevServer server;

  private JenkinsRule j;

  @BeforeAll
  static void startServer() {
    server = DevServer.start(Fixtures.seed());
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void setUp(JenkinsRule rule) throws Exception {
    assumeFalse(Functions.isWindows(), "the build steps below use sh");
    j = rule;
    Fixtures.addCredentials(j.jenkins);
    Fixtures.pointAt(server);
  }

  private static InfisicalBuildWrapper devWrapper() {
    InfisicalBuildWrapper w = new InfisicalBuildWrapper();
    w.setCredentialsId(UNIVERSAL_AUTH);
    w.setProjectSlug(PROJECT);
    w.setEnvironment("dev");
    return w;
  }

  private FreeStyleProject project(InfisicalBuildWrapper wrapper, String script) throws Exception {
    FreeStyleProject p = j.createFreeStyleProject();
    p.getBuildWrappersList().add(wrapper);
    p.getBuildersList().add(new Shell(script));
    return p;
  }

  @Test
  void injectsMasksAndKeepsValuesOutOfTheBuildRecord() throws Exception {
    FreeStyleProject p = project(devWrapper(), """
        printf '%s\\n' "$DB_USER" | rev
        printf '%s\\n' "$DOLLAR_VALUE" | rev
        echo "plain=$DB_PASSWORD"
        printf '%s\\n' "$MULTI_LINE"
        """);
    FreeStyleBuild b = j.buildAndAssertSuccess(p);
    j.assertLogContains(reversed(DB_USER), b);
    j.assertLogContains(reversed(DOLLAR_VALUE), b); // freestyle hands "$" through unchanged too
    j.assertLogContains("plain=****", b);
    String log = JenkinsRule.getLog(b);
    for (String line : MULTI_LINE.split("\n")) {
      assertFalse(log.contains(line), "a line of the multi-line secret is in the log");
    }
    Fixtures.assertLogHoldsNoSecret(log);
    Fixtures.assertConsoleNotesIntact(log);

    InfisicalRunAction action = b.getAction(InfisicalRunAction.class);
    assertNotNull(action);
    assertTrue(action.getAllNames().contains("DB_PASSWORD"));
    assertFalse(b.getEnvironment(TaskListener.NULL).containsKey("DB_PASSWORD"));
    assertTrue(b.getSensitiveBuildVariables().contains("DB_PASSWORD"), "reported as sensitive");
    assertEquals(List.of(), Fixtures.leaksUnder(b.getRootDir().toPath()));
  }

  @Test
  void masksOnAnAgent() throws Exception {
    FreeStyleProject p = project(devWrapper(), """
        set +x
        echo "agent-side password=$DB_PASSWORD"
        printf '%s' "$DB_PASSWORD" | base64
        """);
    p.setAssignedLabel(Label.get("remote"));
    j.createOnlineSlave(Label.get("remote"));
    FreeStyleBuild b = j.buildAndAssertSuccess(p);
    assertEquals("remote", b.getBuiltOn().getLabelString());
    j.assertLogContains("agent-side password=****", b);
    Fixtures.assertLogHoldsNoSecret(JenkinsRule.getLog(b));
  }

  @Test
  void missingKeysFailTheBuildNamingAllOfThem() throws Exception {
    InfisicalBuildWrapper w = devWrapper();
    w.setKeys("DB_PASSWORD=PGPASSWORD\nFIRST_MISSING\nSECOND_MISSING");
    FreeStyleProject p = project(w, "echo the build step must not run");
    FreeStyleBuild b = j.buildAndAssertStatus(Result.FAILURE, p);
    j.assertLogContains("FIRST_MISSING", b);
    j.assertLogContains("SECOND_MISSING", b);
    j.assertLogContains(PROJECT, b);
    j.assertLogNotContains("the build step must not run", b);
    j.assertLogNotContains("\tat ", b);
  }

  @Test
  void officialSyntaxWorksInFreestyleToo() throws Exception {
    InfisicalBuildWrapper w = new InfisicalBuildWrapper();
    InfisicalConnection c = new InfisicalConnection();
    c.setInfisicalCredentialId(UNIVERSAL_AUTH);
    c.setInfisicalProjectSlug(PROJECT);
    c.setInfisicalEnvironmentSlug("dev");
    c.setInfisicalUrl(server.url());
    w.setConfiguration(c);
    w.setInfisicalSecrets(List.of(new InfisicalSecretFolder("/", true, List.of(new InfisicalSecretKey("DB_USER")))));
    FreeStyleProject p = project(w, """
        printf '%s\\n' "$DB_USER" | rev
        echo "unlisted=[${DB_PASSWORD:-unset}]"
        """);
    FreeStyleBuild b = j.buildAndAssertSuccess(p);
    j.assertLogContains(reversed(DB_USER), b);
    j.assertLogContains("unlisted=[unset]", b);
  }

  @Test
  void configFormRoundTripKeepsEveryField() throws Exception {
    InfisicalBuildWrapper w = devWrapper();
    w.setServerUrl(server.url());
    // Single-line values here: a browser submits textarea line breaks as CRLF (see the next test).
    w.setPaths("/, /database");
    w.setKeys("DB_PASSWORD=PGPASSWORD");
    w.setRecursive(true);
    w.setIncludeImports(false);
    InfisicalConnection c = new InfisicalConnection();
    c.setInfisicalCredentialId(UNIVERSAL_AUTH);
    c.setInfisicalProjectSlug(PROJECT);
    c.setInfisicalEnvironmentSlug("staging");
    c.setInfisicalUrl(server.url());
    w.setConfiguration(c);
    InfisicalSecretKey optional = new InfisicalSecretKey("OPTIONAL_KEY");
    optional.setIsRequired(false);
    w.setInfisicalSecrets(List.of(
        new InfisicalSecretFolder("/", true, List.of(new InfisicalSecretKey("DB_USER"), optional)),
        new InfisicalSecretFolder("/database", false, List.of(new InfisicalSecretKey("URL")))));
    FreeStyleProject p = j.createFreeStyleProject();
    p.getBuildWrappersList().add(w);

    j.configRoundtrip(p);

    InfisicalBuildWrapper after = p.getBuildWrappersList().get(InfisicalBuildWrapper.class);
    assertNotNull(after, "the wrapper survived the form");
    j.assertEqualDataBoundBeans(w, after);
  }

  @Test
  void multiLineKeysAndPathsStillWorkAfterTheForm() throws Exception {
    InfisicalBuildWrapper w = devWrapper();
    w.setPaths("/\n/database");
    w.setKeys("DB_PASSWORD=PGPASSWORD\nURL=DATABASE_URL\nNOT_SEEDED?");
    FreeStyleProject p = project(w, """
        printf '%s\\n' "$PGPASSWORD" | rev
        printf '%s\\n' "$DATABASE_URL" | rev
        """);
    j.configRoundtrip(p);
    InfisicalBuildWrapper after = p.getBuildWrappersList().get(InfisicalBuildWrapper.class);
    assertEquals(w.getKeys(), after.getKeys().replace("\r\n", "\n"));
    FreeStyleBuild b = j.buildAndAssertSuccess(p);
    j.assertLogContains(reversed(DB_PASSWORD), b);
    j.assertLogContains(reversed(Fixtures.DB_URL), b);
  }

  @Test
  void configFormRoundTripWithTheConciseFormOnly() throws Exception {
    FreeStyleProject p = j.createFreeStyleProject();
    InfisicalBuildWrapper w = devWrapper();
    p.getBuildWrappersList().add(w);
    j.configRoundtrip(p);
    InfisicalBuildWrapper after = p.getBuildWrappersList().get(InfisicalBuildWrapper.class);
    j.assertEqualDataBoundBeans(w, after);
    assertEquals(null, after.getConfiguration(), "no connection block appears from an empty form");
    assertEquals(null, after.getInfisicalSecrets());
  }
}
