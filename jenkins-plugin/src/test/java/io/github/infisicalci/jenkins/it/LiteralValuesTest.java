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
}
