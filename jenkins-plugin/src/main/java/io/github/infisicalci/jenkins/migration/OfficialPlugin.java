package io.github.infisicalci.jenkins.migration;

import io.github.infisicalci.jenkins.binding.InfisicalBuildWrapper;
import io.github.infisicalci.jenkins.binding.InfisicalConnection;
import io.github.infisicalci.jenkins.binding.InfisicalSecretFolder;
import io.github.infisicalci.jenkins.binding.InfisicalSecretKey;
import io.github.infisicalci.jenkins.credentials.InfisicalUniversalAuthCredentials;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What this plugin knows of the official jenkinsci/infisical-plugin (short name {@value #SHORT_NAME}): the
 * classes it stores in {@code credentials.xml} and job {@code config.xml}, each read as this plugin's
 * equivalent once the official plugin is gone, and the text that explains the migration.
 */
public final class OfficialPlugin {
  /** The official plugin's short name (its artifactId). */
  public static final String SHORT_NAME = "infisical";

  /** Its credential type, as named in {@code credentials.xml}. */
  public static final String CREDENTIAL_CLASS =
      "io.jenkins.plugins.infisicaljenkins.credentials.InfisicalUniversalAuthCredential";

  /** Its freestyle build wrapper, as named in a job's {@code config.xml}. */
  public static final String WRAPPER_CLASS = "io.jenkins.plugins.infisicaljenkins.InfisicalBuildWrapper";

  /**
   * Every class name the official plugin writes (outermost first) and the class of this plugin that reads the
   * same element. Field names match except where the classes keep a read-only legacy field ({@code readResolve}).
   */
  public static final Map<String, Class<?>> ALIASES;

  static {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put(CREDENTIAL_CLASS, InfisicalUniversalAuthCredentials.class);
    m.put(WRAPPER_CLASS, InfisicalBuildWrapper.class);
    m.put("io.jenkins.plugins.infisicaljenkins.configuration.InfisicalConfiguration", InfisicalConnection.class);
    m.put("io.jenkins.plugins.infisicaljenkins.model.InfisicalSecret", InfisicalSecretFolder.class);
    m.put("io.jenkins.plugins.infisicaljenkins.model.InfisicalSecretValue", InfisicalSecretKey.class);
    ALIASES = Collections.unmodifiableMap(m);
  }

  private OfficialPlugin() {
  }

  /** What the administrative monitor and the start-up log say while both plugins are installed. */
  public static String coexistenceMessage(String officialVersion) {
    return "The official Infisical plugin (" + SHORT_NAME + (officialVersion == null ? "" : " " + officialVersion)
        + ") is installed next to Infisical Secrets. Both define withInfisical: Pipeline runs this plugin's step"
        + " (a step's function name wins over the official wrapper's symbol), but credentials of the official kind"
        + " (Infisical Universal Auth Credential) and freestyle jobs using the official wrapper stay the official"
        + " plugin's while it is installed. To migrate: uninstall the official plugin and restart Jenkins; its"
        + " credentials then load as Infisical Universal Auth credentials with the same ids, and its freestyle jobs"
        + " as the Infisical secrets build wrapper with the same settings. Nothing is converted while both are"
        + " installed.";
  }
}
