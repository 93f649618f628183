package io.github.infisicalci.jenkins.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.jenkins.binding.InfisicalConnection;
import io.github.infisicalci.jenkins.binding.InfisicalSecretFolder;
import io.github.infisicalci.jenkins.binding.InfisicalSecretKey;
import io.github.infisicalci.jenkins.pipeline.WithInfisicalStep;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The Snippet Generator writes {@code withInfisical(...)} and what it writes parses back to the same step, for
 * both syntaxes; a Jenkinsfile written for the official plugin parses to the step; the Pipeline Syntax reference
 * can be generated.
 */
@WithJenkins
class SnippetGeneratorTest {

  @Test
  void conciseStepRoundTrips(JenkinsRule j) throws Exception {
    WithInfisicalStep w = new WithInfisicalStep();
    w.setCredentialsId(Fixtures.UNIVERSAL_AUTH);
    w.setProjectSlug(Fixtures.PROJECT);
    w.setEnvironment("dev");
    w.setPaths("/, /database");
    w.setKeys("DB_PASSWORD=PGPASSWORD\nURL?");
    w.setRecursive(true);

    String snippet = Snippetizer.object2Groovy(w);
    assertTrue(snippet.startsWith("withInfisical("), snippet);
    assertFalse(snippet.contains("$class"), snippet);
    new SnippetizerTester(j).assertParseStep(w, snippet);
  }

  @Test
  void officialSyntaxParsesAsWrittenForTheOfficialPlugin(JenkinsRule j) throws Exception {
    InfisicalConnection c = new InfisicalConnection();
    c.setInfisicalCredentialId(Fixtures.UNIVERSAL_AUTH);
    c.setInfisicalEnvironmentSlug("dev");
    c.setInfisicalProjectSlug(Fixtures.PROJECT);
    c.setInfisicalUrl("https://infisical.example.com");
    InfisicalSecretKey optional = new InfisicalSecretKey("THIS_KEY_MIGHT_NOT_EXIST");
    optional.setIsRequired(false);
    WithInfisicalStep expected = new WithInfisicalStep();
    expected.setConfiguration(c);
    expected.setInfisicalSecrets(List.of(new InfisicalSecretFolder("/", true,
        List.of(new InfisicalSecretKey("DATABASE_URL"), new InfisicalSecretKey("API_URL"), optional))));

    SnippetizerTester tester = new SnippetizerTester(j);
    // The README example of jenkinsci/infisical-plugin, with its symbol for the folder entries.
    tester.assertParseStep(expected, """
        withInfisical(
            configuration: [
                infisicalCredentialId: 'infisical-ua',
                infisicalEnvironmentSlug: 'dev',
                infisicalProjectSlug: 'web-app',
                infisicalUrl: 'https://infisical.example.com'
            ],
            infisicalSecrets: [
                infisicalSecret(
                    includeImports: true,
                    path: '/',
                    secretValues: [
                        [infisicalKey: 'DATABASE_URL'],
                        [infisicalKey: "API_URL"],
                        [infisicalKey: 'THIS_KEY_MIGHT_NOT_EXIST', isRequired: false],
                    ]
                )
            ]
        ) {
            sh "printenv"
        }
        """);
    // The map form of the same entries.
    tester.assertParseStep(expected, """
        withInfisical(configuration: [infisicalCredentialId: 'infisical-ua', infisicalEnvironmentSlug: 'dev',
                infisicalProjectSlug: 'web-app', infisicalUrl: 'https://infisical.example.com'],
            infisicalSecrets: [[path: '/', includeImports: true, secretValues: [[infisicalKey: 'DATABASE_URL'],
                [infisicalKey: 'API_URL'], [infisicalKey: 'THIS_KEY_MIGHT_NOT_EXIST', isRequired: false]]]]) {
        }
        """);
    // And what the Snippet Generator writes for it parses back.
    String snippet = Snippetizer.object2Groovy(expected);
    assertTrue(snippet.startsWith("withInfisical("), snippet);
    tester.assertParseStep(expected, snippet);
  }

  @Test
  void pipelineSyntaxReferenceCanBeGenerated(JenkinsRule j) throws Exception {
    SnippetizerTester.assertDocGeneration(WithInfisicalStep.class);
  }
}
