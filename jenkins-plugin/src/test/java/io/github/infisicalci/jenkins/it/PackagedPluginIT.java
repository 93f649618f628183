package io.github.infisicalci.jenkins.it;

import static io.github.infisicalci.jenkins.it.Fixtures.DB_PASSWORD;
import static io.github.infisicalci.jenkins.it.Fixtures.PROJECT;
import static io.github.infisicalci.jenkins.it.Fixtures.UNIVERSAL_AUTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.PluginManager;
import hudson.PluginWrapper;
import io.github.infisicalci.devserver.DevServer;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.RealJenkinsExtension;

/**
 * The packaged {@code infisical-secrets.hpi}, installed in a Jenkins of its own JVM the way an administrator
 * installs it, runs a Pipeline that fetches and masks a secret. Unlike every JenkinsRule test (one flat class
 * path where OkHttp, Jackson and shared-client are all visible), this exercises the production wiring:
 * shared-client from the plugin's {@code WEB-INF/lib}, OkHttp/Okio/Kotlin from the {@code okhttp-api} plugin,
 * Jackson from {@code jackson2-api}, each through Jenkins' plugin class loaders.
 *
 * <p>Runs under {@code -Pjenkins} only, as a failsafe integration test after {@code package} (the .hpi does
 * not exist in the test phase): the POM copies it to {@code target/test-classes/packaged/} before
 * {@code integration-test}; the exploded build output ({@code the.jpl}) is left out.
 */
class PackagedPluginIT {
  private static final String SHORT_NAME = "infisical-secrets";
  private static final String PACKAGED = "packaged/" + SHORT_NAME + ".hpi";

  @RegisterExtension
  private final RealJenkinsExtension jenkins = new RealJenkinsExtension()
      .omitPlugins(SHORT_NAME)
      .addPlugins(PACKAGED);

  private static DevServer server;

  @BeforeAll
  static void startServer() {
    server = DevServer.start(Fixtures.seed());
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  /** What an administrator uploads: shared-client inside, none of the libraries the library plugins provide. */
  @Test
  void theArchiveBundlesSharedClientAndNoLibraryThatAPluginProvides() throws Exception {
    URL hpi = PackagedPluginIT.class.getClassLoader().getResource(PACKAGED);
    assertNotNull(hpi, PACKAGED + " is not on the test class path (copied before integration-test)");
    List<String> libraries = new ArrayList<>();
    try (InputStream in = hpi.openStream(); ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().startsWith("WEB-INF/lib/") && e.getName().endsWith(".jar")) {
          libraries.add(e.getName().substring("WEB-INF/lib/".length()));
        }
      }
    }
    assertTrue(libraries.stream().anyMatch(n -> n.startsWith("infisical-shared-client-")), libraries.toString());
    assertEquals(List.of(), libraries.stream()
        .filter(n -> n.matches("(okhttp|okio|kotlin|jackson).*")).toList(), "bundled copies of provided libraries");
  }

  @Test
  void aPipelineFetchesAndMasksThroughThePluginClassLoaders() throws Throwable {
    jenkins.runRemotely(PackagedPluginIT::fetchAndMask, server.url());
  }

  /** Runs inside the Jenkins JVM. */
  private static void fetchAndMask(JenkinsRule r, String serverUrl) throws Throwable {
    PluginManager plugins = r.jenkins.getPluginManager();
    PluginWrapper plugin = plugins.getPlugin(SHORT_NAME);
    assertNotNull(plugin, "the packaged plugin is installed");
    assertTrue(plugin.isActive(), "the packaged plugin is active");

    Class<?> client = plugin.classLoader.loadClass("io.github.infisicalci.client.ClientConfig");
    assertEquals(SHORT_NAME, plugins.whichPlugin(client).getShortName());
    String location = client.getProtectionDomain().getCodeSource().getLocation().toString();
    assertTrue(location.contains("WEB-INF/lib/infisical-shared-client-"), "shared-client loaded from " + location);
    assertEquals("okhttp-api", providerOf(plugins, plugin, "okhttp3.OkHttpClient"));
    assertEquals("okhttp-api", providerOf(plugins, plugin, "okio.Buffer"));
    // Kotlin: bundled by okhttp-api (okhttp-api 4.x) or a library plugin of its own; never by this plugin.
    assertFalse(providerOf(plugins, plugin, "kotlin.Unit").equals(SHORT_NAME), "Kotlin bundled in the .hpi");
    assertEquals("jackson2-api", providerOf(plugins, plugin, "com.fasterxml.jackson.databind.ObjectMapper"));

    Fixtures.addCredentials(r.jenkins);
    WorkflowJob job = r.createProject(WorkflowJob.class, "packaged");
    job.setDefinition(new CpsFlowDefinition("""
        withInfisical(serverUrl: '%s', credentialsId: '%s', projectSlug: '%s', environment: 'dev',
                      keys: 'DB_PASSWORD') {
          echo "db=${env.DB_PASSWORD}"
        }
        """.formatted(serverUrl, UNIVERSAL_AUTH, PROJECT), true));
    WorkflowRun run = r.buildAndAssertSuccess(job);
    r.assertLogContains("db=****", run);
    assertFalse(JenkinsRule.getLog(run).contains(DB_PASSWORD), "the value reached the log unmasked");
  }

  /** The plugin whose class loader defines {@code className} as the plugin sees it. */
  private static String providerOf(PluginManager plugins, PluginWrapper plugin, String className) throws Exception {
    PluginWrapper provider = plugins.whichPlugin(plugin.classLoader.loadClass(className));
    assertNotNull(provider, className + " does not come from a plugin");
    return provider.getShortName();
  }
}
