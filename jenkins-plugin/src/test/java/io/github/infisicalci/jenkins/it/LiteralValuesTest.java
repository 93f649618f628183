package io.github.infisicalci.jenkins.it;

import static io.github.infisicalci.jenkins.it.Fixtures.PROJECT;
import static io.github.infisicalci.jenkins.it.Fixtures.UNIVERSAL_AUTH;
import static io.github.infisicalci.jenkins.it.Fixtures.reversed;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import hudson.Functions;
import hudson.model.Result;
import hudson.util.Secret;
import io.github.infisicalci.devserver.DevServer;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A fetched value that happens to be a valid encrypted blob of this controller reaches the block literally
 * (never the text it would decrypt to), and is masked as itself.
 */
@WithJenkins
class LiteralValuesTest {
  private static DevServer server;

  @BeforeAll
  static void startServer() {
    server = DevServer.start(Fixtures.seed());
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void anEncryptedLookingValueIsInjectedAsIs(JenkinsRule j) throws Exception {
    assumeFalse(Functions.isWindows(), "the script uses sh");
    Fixtures.addCredentials(j.jenkins);
    Fixtures.pointAt(server);
    String hidden = "decrypts-to-this-Qv81";
    String blob = Secret.fromString(hidden).getEncryptedValue(); // "{...}", decryptable by this controller
    server.putSecret(PROJECT, "dev", "/", "BLOB_VALUE", blob);

    WorkflowJob p = j.createProject(WorkflowJob.class);
    p.setDefinition(new CpsFlowDefinition("""
        node {
          withInfisical(credentialsId: '%s', projectSlug: '%s', environment: 'dev', keys: 'BLOB_VALUE') {
            sh '''
              printf '%%s\\n' "$BLOB_VALUE" | rev
              echo "plain=$BLOB_VALUE"
            '''
          }
        }
        """.formatted(UNIVERSAL_AUTH, PROJECT), true));
    WorkflowRun b = j.buildAndAssertStatus(Result.SUCCESS, p);
    j.assertLogContains(reversed(blob), b);
    j.assertLogNotContains(reversed(hidden), b);
    j.assertLogContains("plain=****", b);
  }

  /** An empty value unsets the variable in Pipeline as in freestyle (EnvVars.override), also an outer one. */
  @Test
  void anEmptyValueUnsetsTheVariable(JenkinsRule j) throws Exception {
    assumeFalse(Functions.isWindows(), "the script uses sh");
    Fixtures.addCredentials(j.jenkins);
    Fixtures.pointAt(server);
    server.putSecret(PROJECT, "dev", "/", "EMPTY_VALUE", "");
    WorkflowJob p = j.createProject(WorkflowJob.class);
    p.setDefinition(new CpsFlowDefinition("""
        node {
          withEnv(['EMPTY_VALUE=outer']) {
            withInfisical(credentialsId: '%s', projectSlug: '%s', environment: 'dev', keys: 'EMPTY_VALUE') {
              sh 'echo "empty=[${EMPTY_VALUE-unset}]"'
            }
          }
        }
        """.formatted(UNIVERSAL_AUTH, PROJECT), true));
    WorkflowRun b = j.buildAndAssertStatus(Result.SUCCESS, p);
    j.assertLogContains("empty=[unset]", b);
    j.assertLogContains("Empty values: these variables are unset inside the block", b);
  }

  /**
   * The Jenkins name policy: exporting every key skips a protected name with a warning (console and run page)
   * instead of failing; GITHUB_* is not protected in Jenkins; a key shells cannot reference is exported.
   */
  @Test
  void selectAllSkipsAProtectedNameWithAWarning(JenkinsRule j) throws Exception {
    assumeFalse(Functions.isWindows(), "the script uses sh");
    Fixtures.addCredentials(j.jenkins);
    Fixtures.pointAt(server);
    server.putSecret(PROJECT, "staging", "/", "LD_PRELOAD", "/tmp/evil.so");
    server.putSecret(PROJECT, "staging", "/", "GITHUB_TOKEN", "ghp-staging-Tq1");
    server.putSecret(PROJECT, "staging", "/", "stripe-key", "sk-staging-Lm2");
    WorkflowJob p = j.createProject(WorkflowJob.class);
    p.setDefinition(new CpsFlowDefinition("""
        node {
          withInfisical(credentialsId: '%s', projectSlug: '%s', environment: 'staging') {
            sh 'printf "%%s\\n" "$GITHUB_TOKEN" | rev; printenv stripe-key | rev; echo "preload=[${LD_PRELOAD:-unset}]"'
          }
        }
        """.formatted(UNIVERSAL_AUTH, PROJECT), true));
    WorkflowRun b = j.buildAndAssertStatus(Result.SUCCESS, p);
    j.assertLogContains(reversed("ghp-staging-Tq1"), b);
    j.assertLogContains(reversed("sk-staging-Lm2"), b);
    j.assertLogContains("preload=[unset]", b);
    j.assertLogContains("WARNING: secret 'LD_PRELOAD' was not exported", b);
    j.assertLogContains("allowedNames", b);
    j.assertLogNotContains("/tmp/evil.so", b);
    org.junit.jupiter.api.Assertions.assertTrue(b.getAction(io.github.infisicalci.jenkins.report.InfisicalRunAction.class)
        .getBlocks().get(0).getWarnings().stream().anyMatch(w -> w.contains("LD_PRELOAD")));
  }
}
