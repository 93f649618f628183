package io.github.infisicalci.jenkins;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The plugin's source folders for tests that read them. The working directory is {@code jenkins-plugin} under
 * {@code -Pjenkins} and {@code jenkins-plugin/offline-build} in the default build; both are tried.
 */
public final class PluginSources {
  private PluginSources() {
  }

  /** {@code jenkins-plugin/src/main/resources}. */
  public static Path resources() {
    return find("src/main/resources", "index.jelly");
  }

  /** {@code jenkins-plugin/src/main/java}. */
  public static Path mainJava() {
    return find("src/main/java", "io/github/infisicalci/jenkins");
  }

  private static Path find(String folder, String marker) {
    for (Path p : List.of(Path.of(folder), Path.of("..", folder))) {
      if (Files.exists(p.resolve(marker))) {
        return p.normalize();
      }
    }
    throw new IllegalStateException("jenkins-plugin/" + folder + " not found from " + Path.of("").toAbsolutePath());
  }
}
