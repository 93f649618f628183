package io.github.infisicalci.jenkins.it;

import static io.github.infisicalci.jenkins.it.Fixtures.DB_PASSWORD;
import static io.github.infisicalci.jenkins.it.Fixtures.PROJECT;
import static io.github.infisicalci.jenkins.it.Fixtures.UNIVERSAL_AUTH;
import static io.github.infisicalci.jenkins.it.Fixtures.reversed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import hudson.Functions;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.tasks.Shell;
import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.jenkins.binding.InfisicalBuildWrapper;
import io.github.infisicalci.jenkins.report.InfisicalRunAction;
import java.nio.file.Path;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * Restarts Jenkins, also while a Pipeline sits inside {@code withInfisical}, and searches the build
 * directories, the job configurations and the plugin's own configuration for any secret value.
 */
class RestartTest {
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
  void noSecretOnDiskAcrossARestartInsideTheBlock() throws Throwable {
    assumeFalse(Functions.isWindows(), "the scripts below use sh");
    sessions.then(j -> {
      Fixtures.addCredentials(j.jenkins);
      Fixtures.pointAt(server);
      WorkflowJob p = j.createProject(WorkflowJob.class, "pipeline");
      p.setDefinition(new CpsFlowDefinition("""
          node {
            withInfisical(credentialsId: '%s', projectSlug: '%s', environment: 'dev') {
              semaphore 'inside'
              sh '''
                printf '%%s\\n' "$DB_PASSWORD" | rev
                echo "plain=$DB_PASSWORD"
              '''
            }
          }
          """.formatted(UNIVERSAL_AUTH, PROJECT), true));
      WorkflowRun b = p.scheduleBuild2(0).waitForStart();
      SemaphoreStep.waitForStart("inside/1", b);

      FreeStyleProject f = j.createFreeStyleProject("freestyle");
      InfisicalBuildWrapper w = new InfisicalBuildWrapper();
      w.setCredentialsId(UNIVERSAL_AUTH);
      w.setProjectSlug(PROJECT);
      w.setEnvironment("dev");
      f.getBuildWrappersList().add(w);
      f.getBuildersList().add(new Shell("echo \"plain=$DB_PASSWORD\""));
      j.buildAndAssertSuccess(f);
      // Jenkins now stops with the Pipeline suspended inside the block.
    });
    sessions.then(j -> {
      WorkflowJob p = j.jenkins.getItemByFullName("pipeline", WorkflowJob.class);
      assertNotNull(p);
      WorkflowRun b = p.getBuildByNumber(1);
      assertNotNull(b);
      // While suspended: the program state on disk must hold no value (only encrypted or no secrets).
      assertEquals(List.of(), Fixtures.leaksUnder(b.getRootDir().toPath()), "build directory while suspended");

      SemaphoreStep.success("inside/1", null);
      j.waitForCompletion(b);
      j.assertBuildStatusSuccess(b);
      j.assertLogContains(reversed(DB_PASSWORD), b); // the block still had its variables after the restart
      j.assertLogContains("plain=****", b); // and its masking
      Fixtures.assertLogHoldsNoSecret(JenkinsRule.getLog(b));

      FreeStyleProject f = j.jenkins.getItemByFullName("freestyle", FreeStyleProject.class);
      assertNotNull(f);
      FreeStyleBuild fb = f.getBuildByNumber(1);
      InfisicalRunAction action = fb.getAction(InfisicalRunAction.class);
      assertNotNull(action, "the run action survives the restart");
      assertTrue(action.getAllNames().contains("DB_PASSWORD"));

      Path home = j.jenkins.getRootDir().toPath();
      assertEquals(List.of(), Fixtures.leaksUnder(home.resolve("jobs")), "jobs (config.xml and build directories)");
      assertEquals(List.of(), Fixtures.leaksUnder(p.getRootDir().toPath()), "pipeline job directory");
      assertEquals(List.of(), Fixtures.leaksUnder(f.getRootDir().toPath()), "freestyle job directory");
      // The files at the top of JENKINS_HOME: config.xml, credentials.xml, this plugin's global configuration.
      // credentials.xml holds the client secret and the service token, encrypted only.
      assertEquals(List.of(), Fixtures.leaksUnder(home, 1), "top-level configuration files");

      // The credentials still log in after the restart (their encrypted secret was read back).
      j.buildAndAssertSuccess(f);
    });
  }
}
