package io.github.infisicalci.jenkins.it;

import static io.github.infisicalci.jenkins.it.Fixtures.API_TOKEN;
import static io.github.infisicalci.jenkins.it.Fixtures.DB_PASSWORD;
import static io.github.infisicalci.jenkins.it.Fixtures.DB_URL;
import static io.github.infisicalci.jenkins.it.Fixtures.DB_USER;
import static io.github.infisicalci.jenkins.it.Fixtures.DOLLAR_VALUE;
import static io.github.infisicalci.jenkins.it.Fixtures.MULTI_LINE;
import static io.github.infisicalci.jenkins.it.Fixtures.PROD_PASSWORD;
import static io.github.infisicalci.jenkins.it.Fixtures.PROJECT;
import static io.github.infisicalci.jenkins.it.Fixtures.SERVICE_TOKEN_TEXT;
import static io.github.infisicalci.jenkins.it.Fixtures.UNIVERSAL_AUTH;
import static io.github.infisicalci.jenkins.it.Fixtures.reversed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.Credentials;
import hudson.Functions;
import hudson.model.Label;
import hudson.model.Result;
import hudson.model.TaskListener;
import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.jenkins.config.InfisicalFolderProperty;
import io.github.infisicalci.jenkins.config.InfisicalGlobalConfiguration;
import io.github.infisicalci.jenkins.migration.OfficialPluginXml;
import io.github.infisicalci.jenkins.report.InfisicalRunAction;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** {@code withInfisical} in Pipeline against the dev server: both syntaxes, defaults, masking, failures. */
@WithJenkins
class PipelineTest {
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
    assumeFalse(Functions.isWindows(), "the scripts below use sh");
    j = rule;
    Fixtures.addCredentials(j.jenkins);
    Fixtures.pointAt(server);
    server.calls().clear();
  }

  private WorkflowRun run(String script, Result expected) throws Exception {
    WorkflowJob p = j.createProject(WorkflowJob.class);
    p.setDefinition(new CpsFlowDefinition(script, true));
    return j.buildAndAssertStatus(expected, p);
  }

  @Test
  void conciseSyntaxInjectsIntoTheBlockOnlyAndMasks() throws Exception {
    WorkflowRun b = run("""
        node {
          withInfisical(credentialsId: '%s', projectSlug: '%s', environment: 'dev') {
            sh '''
              printf '%%s\\n' "$DB_USER" | rev
              printf '%%s\\n' "$DOLLAR_VALUE" | rev
              echo "plain=$DB_PASSWORD"
            '''
          }
          sh 'echo "after=[${DB_PASSWORD:-unset}]"'
        }
        """.formatted(UNIVERSAL_AUTH, PROJECT), Result.SUCCESS);
    // The processes saw the exact values ("$" included), printed reversed so no masker hides them.
    j.assertLogContains(reversed(DB_USER), b);
    j.assertLogContains(reversed(DOLLAR_VALUE), b);
    // The value itself is masked.
    j.assertLogContains("plain=****", b);
    // Outside the block the variable does not exist.
    j.assertLogContains("after=[unset]", b);
    Fixtures.assertLogHoldsNoSecret(JenkinsRule.getLog(b));
    Fixtures.assertConsoleNotesIntact(JenkinsRule.getLog(b)); // "[Pipeline] sh" lines carry notes

    InfisicalRunAction action = b.getAction(InfisicalRunAction.class);
    assertNotNull(action, "run action");
    assertTrue(action.getAllNames().containsAll(Set.of("DB_USER", "DB_PASSWORD", "API_TOKEN", "DOLLAR_VALUE",
        "MULTI_LINE")), () -> "names: " + action.getAllNames());
    assertEquals(PROJECT, action.getBlocks().get(0).getProject());
    assertEquals("dev", action.getBlocks().get(0).getEnvironment());
    // Not part of the build record's environment.
    assertFalse(b.getEnvironment(TaskListener.NULL).containsKey("DB_PASSWORD"));
    assertEquals(List.of(), Fixtures.leaksUnder(b.getRootDir().toPath()));
  }

  @Test
  void declarativePipeline() throws Exception {
    WorkflowRun b = run("""
        pipeline {
          agent any
          stages {
            stage('use') {
              steps {
                withInfisical(credentialsId: '%s', projectSlug: '%s', environment: 'dev', keys: 'DB_PASSWORD') {
                  sh '''
                    printf '%%s\\n' "$DB_PASSWORD" | rev
                    echo "plain=$DB_PASSWORD"
                  '''
                }
              }
            }
          }
        }
        """.formatted(UNIVERSAL_AUTH, PROJECT), Result.SUCCESS);
    j.assertLogContains(reversed(DB_PASSWORD), b);
    j.assertLogContains("plain=****", b);
    Fixtures.assertLogHoldsNoSecret(JenkinsRule.getLog(b));
  }

  @Test
  void blockOutsideNodeReachesTheNodeInside() throws Exception {
    j.createOnlineSlave(Label.get("remote"));
    WorkflowRun b = run("""
        withInfisical(credentialsId: '%s', projectSlug: '%s', environment: 'dev', keys: 'DB_PASSWORD') {
          node('remote') {
            sh '''
              printf '%%s\\n' "$DB_PASSWORD" | rev
              echo "plain=$DB_PASSWORD"
            '''
          }
        }
        """.formatted(UNIVERSAL_AUTH, PROJECT), Result.SUCCESS);
    j.assertLogContains(reversed(DB_PASSWORD), b);
    j.assertLogContains("plain=****", b);
    Fixtures.assertLogHoldsNoSecret(JenkinsRule.getLog(b));
  }

  @Test
  void keySelectionRenamesAndReadsSeveralPaths() throws Exception {
    WorkflowRun b = run("""
        node {
          withInfisical(credentialsId: '%s', projectSlug: '%s', environment: 'dev', paths: '/, /database',
              keys: 'DB_PASSWORD=PGPASSWORD\\nURL=DATABASE_URL\\nNOT_SEEDED?') {
            sh '''
              printf '%%s\\n' "$PGPASSWORD" | rev
              printf '%%s\\n' "$DATABASE_URL" | rev
              echo "unselected=[${API_TOKEN:-unset}] original=[${DB_PASSWORD:-unset}]"
            '''
          }
        }
        """.formatted(UNIVERSAL_AUTH, PROJECT), Result.SUCCESS);
    j.assertLogContains(reversed(DB_PASSWORD), b);
    j.assertLogContains(reversed(DB_URL), b);
    j.assertLogContains("unselected=[unset] original=[unset]", b);
    j.assertLogContains("NOT_SEEDED", b); // an optional key that is missing is named, not fatal
    Fixtures.assertLogHoldsNoSecret(JenkinsRule.getLog(b));
  }

  @Test
  void officialPluginJenkinsfileRunsUnchanged() throws Exception {
    // No global URL: the official "configuration" block alone must lead to the dev server.
    InfisicalGlobalConfiguration.get().setServerUrl(null);
    // The credential as the official plugin stored it in credentials.xml, read as Jenkins reads that file.
    Fixtures.add(j.jenkins, (Credentials) Jenkins.XSTREAM2.fromXML(
        OfficialPluginXml.credentialElement("official-ua", Fixtures.CLIENT_ID, Fixtures.CLIENT_SECRET)));
    WorkflowRun b = run("""
        node {
          withInfisical(
            configuration: [
              infisicalCredentialId: '%s',
              infisicalEnvironmentSlug: 'dev',
              infisicalProjectSlug: '%s',
              infisicalUrl: '%s'
            ],
            infisicalSecrets: [
              infisicalSecret(
                includeImports: true,
                path: '/',
                secretValues: [
                  [infisicalKey: 'DB_PASSWORD'],
                  [infisicalKey: "API_TOKEN"],
                  [infisicalKey: 'THIS_KEY_MIGHT_NOT_EXIST', isRequired: false],
                ]
              ),
              [path: '/database', includeImports: false, secretValues: [[infisicalKey: 'URL', isRequired: true]]]
            ]
          ) {
            sh '''
              printf '%%s\\n' "$DB_PASSWORD" | rev
              printf '%%s\\n' "$API_TOKEN" | rev
              printf '%%s\\n' "$URL" | rev
              echo "unlisted=[${DB_USER:-unset}]"
            '''
          }
        }
        """.formatted("official-ua", PROJECT, server.url()), Result.SUCCESS);
    j.assertLogContains(reversed(DB_PASSWORD), b);
    j.assertLogContains(reversed(API_TOKEN), b);
    j.assertLogContains(reversed(DB_URL), b);
    j.assertLogContains("unlisted=[unset]", b);
    Fixtures.assertLogHoldsNoSecret(JenkinsRule.getLog(b));
    assertTrue(server.calls().all().size() > 0, "the dev server was called");
  }

  @Test
  void maskingWorksOnAnAgentForMultiLineAndEncodedValues() throws Exception {
    j.createOnlineSlave(Label.get("remote"));
    WorkflowRun b = run("""
        node('remote') {
          withInfisical(credentialsId: '%s', projectSlug: '%s', environment: 'dev') {
            sh '''
              set +x
              echo "agent-side password=$DB_PASSWORD"
              printf '%%s\\n' "$MULTI_LINE"
              printf '%%s' "$DB_PASSWORD" | base64
              echo "done-printing"
            '''
          }
        }
        """.formatted(UNIVERSAL_AUTH, PROJECT), Result.SUCCESS);
    j.assertLogContains("Running on", b);
    j.assertLogContains("agent-side password=****", b);
    j.assertLogContains("done-printing", b);
    String log = JenkinsRule.getLog(b);
    Fixtures.assertConsoleNotesIntact(log);
    for (String line : MULTI_LINE.split("\n")) {
      assertFalse(log.contains(line), "a line of the multi-line secret is in the log");
    }
    Fixtures.assertLogHoldsNoSecret(log);
  }

  @Test
  void missingRequiredKeysAreReportedTogether() throws Exception {
    WorkflowRun b = run("""
        node {
          withInfisical(credentialsId: '%s', projectSlug: '%s', environment: 'dev',
              keys: 'DB_PASSWORD\\nFIRST_MISSING\\nSECOND_MISSING') {
            echo 'the block must not run'
          }
        }
        """.formatted(UNIVERSAL_AUTH, PROJECT), Result.FAILURE);
    j.assertLogContains("FIRST_MISSING", b);
    j.assertLogContains("SECOND_MISSING", b);
    j.assertLogContains(PROJECT, b);
    j.assertLogContains("dev", b);
    j.assertLogNotContains("the block must not run", b);
    j.assertLogNotContains("\tat ", b); // a message, not a stack trace
    Fixtures.assertLogHoldsNoSecret(JenkinsRule.getLog(b));
  }

  @Test
  void unknownEnvironmentFailsWithAClearMessage() throws Exception {
    WorkflowRun b = run("""
        node {
          withInfisical(credentialsId: '%s', projectSlug: '%s', environment: 'no-such-env') {
            echo 'the block must not run'
          }
        }
        """.formatted(UNIVERSAL_AUTH, PROJECT), Result.FAILURE);
    j.assertLogContains("no-such-env", b);
    j.assertLogNotContains("the block must not run", b);
    j.assertLogNotContains("\tat ", b);
  }

  @Test
  void serviceTokenInASecretTextCredential() throws Exception {
    WorkflowRun b = run("""
        node {
          withInfisical(credentialsId: '%s', environment: 'dev', keys: 'API_TOKEN') {
            sh 'printf "%%s\\n" "$API_TOKEN" | rev'
          }
        }
        """.formatted(SERVICE_TOKEN_TEXT), Result.SUCCESS);
    j.assertLogContains(reversed(API_TOKEN), b);
    Fixtures.assertLogHoldsNoSecret(JenkinsRule.getLog(b));
  }

  @Test
  void stepOverridesFolderWhichOverridesGlobal() throws Exception {
    InfisicalGlobalConfiguration global = InfisicalGlobalConfiguration.get();
    global.setCredentialsId("no-such-credentials"); // overridden by the folder
    global.setProjectSlug(PROJECT);
    global.setEnvironment("staging"); // overridden by the folder, then by the step
    Folder folder = j.jenkins.createProject(Folder.class, "team");
    InfisicalFolderProperty defaults = new InfisicalFolderProperty();
    defaults.setCredentialsId(UNIVERSAL_AUTH);
    defaults.setEnvironment("dev");
    folder.getProperties().add(defaults);

    WorkflowJob fromFolder = folder.createProject(WorkflowJob.class, "from-folder");
    fromFolder.setDefinition(new CpsFlowDefinition("""
        node {
          withInfisical(keys: 'DB_PASSWORD') {
            sh 'printf "%s\\n" "$DB_PASSWORD" | rev'
          }
        }
        """, true));
    WorkflowRun b1 = j.buildAndAssertSuccess(fromFolder);
    j.assertLogContains(reversed(DB_PASSWORD), b1); // dev, from the folder

    WorkflowJob fromStep = folder.createProject(WorkflowJob.class, "from-step");
    fromStep.setDefinition(new CpsFlowDefinition("""
        node {
          withInfisical(environment: 'prod', keys: 'DB_PASSWORD') {
            sh 'printf "%s\\n" "$DB_PASSWORD" | rev'
          }
        }
        """, true));
    WorkflowRun b2 = j.buildAndAssertSuccess(fromStep);
    j.assertLogContains(reversed(PROD_PASSWORD), b2); // prod, from the step
  }

  @Test
  void environmentFromBranchThroughInfisicalJson() throws Exception {
    WorkflowRun b = run("""
        node {
          writeFile file: '.infisical.json', text: '{"workspaceId": "ignored", "defaultEnvironment": "dev", "gitBranchToEnvironmentMapping": {"main": "prod", "release/*": "staging"}}'
          withEnv(['BRANCH_NAME=main']) {
            withInfisical(credentialsId: '%s', projectSlug: '%s', keys: 'DB_PASSWORD') {
              sh 'printf "%%s\\n" "$DB_PASSWORD" | rev'
            }
          }
        }
        """.formatted(UNIVERSAL_AUTH, PROJECT), Result.SUCCESS);
    j.assertLogContains(reversed(PROD_PASSWORD), b);
    j.assertLogContains("main", b); // the choice is logged with the branch
  }

  @Test
  void groovyInterpolationOfAnInjectedVariableIsWarnedAbout() throws Exception {
    WorkflowRun b = run("""
        node {
          withInfisical(credentialsId: '%s', projectSlug: '%s', environment: 'dev', keys: 'DB_PASSWORD') {
            sh "echo interpolated=${DB_PASSWORD}"
          }
        }
        """.formatted(UNIVERSAL_AUTH, PROJECT), Result.SUCCESS);
    j.assertLogContains("A secret was passed to \"sh\" using Groovy String interpolation", b);
    j.assertLogContains("DB_PASSWORD", b);
    j.assertLogContains("interpolated=****", b);
    Fixtures.assertLogHoldsNoSecret(JenkinsRule.getLog(b));
  }

  @Test
  void nestedBlocksMaskBothLevels() throws Exception {
    WorkflowRun b = run("""
        node {
          withInfisical(credentialsId: '%s', projectSlug: '%s', environment: 'dev', keys: 'DB_PASSWORD') {
            withInfisical(credentialsId: '%s', projectSlug: '%s', environment: 'prod', keys: 'DB_PASSWORD=PROD_PW') {
              sh 'echo "outer=$DB_PASSWORD inner=$PROD_PW"'
            }
          }
        }
        """.formatted(UNIVERSAL_AUTH, PROJECT, UNIVERSAL_AUTH, PROJECT), Result.SUCCESS);
    j.assertLogContains("outer=**** inner=****", b);
    Fixtures.assertLogHoldsNoSecret(JenkinsRule.getLog(b));
    assertEquals(2, b.getAction(InfisicalRunAction.class).getBlocks().size());
  }
}
