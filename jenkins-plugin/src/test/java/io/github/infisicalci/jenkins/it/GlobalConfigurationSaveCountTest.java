package io.github.infisicalci.jenkins.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.XmlFile;
import hudson.model.Saveable;
import hudson.model.listeners.SaveableListener;
import io.github.infisicalci.jenkins.config.InfisicalGlobalConfiguration;
import io.jenkins.plugins.casc.ConfigurationAsCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The global configuration file is written once per submission of Manage Jenkins → System and once per
 * JCasC apply, not once per field (counted with a {@link SaveableListener}).
 */
@WithJenkins
class GlobalConfigurationSaveCountTest {
  private static final AtomicInteger SAVES = new AtomicInteger();

  @TempDir
  Path tempDir;

  @Test
  void oneWritePerFormSubmissionAndPerConfigurationAsCodeApply(JenkinsRule j) throws Exception {
    SAVES.set(0);
    j.configRoundtrip();
    assertEquals(1, SAVES.get(), "writes of the global configuration for one form submission");

    SAVES.set(0);
    Path yaml = tempDir.resolve("infisical.yaml");
    Files.writeString(yaml, """
        unclassified:
          infisical:
            serverUrl: "https://infisical.example.com"
            projectSlug: "web-app"
            environment: "dev"
            connectTimeoutSeconds: 7
            readTimeoutSeconds: 21
            useJenkinsProxy: false
        """, StandardCharsets.UTF_8);
    ConfigurationAsCode.get().configure(yaml.toUri().toString());
    assertEquals("web-app", InfisicalGlobalConfiguration.get().getProjectSlug());
    assertEquals(1, SAVES.get(), "writes of the global configuration for one JCasC apply");
  }

  /** Counts the writes of the plugin's global configuration file. */
  @TestExtension
  public static class SaveCounter extends SaveableListener {
    @Override
    public void onChange(Saveable o, XmlFile file) {
      if (o instanceof InfisicalGlobalConfiguration) {
        SAVES.incrementAndGet();
      }
    }
  }
}
