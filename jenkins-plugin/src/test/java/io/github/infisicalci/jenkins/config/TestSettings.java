package io.github.infisicalci.jenkins.config;

/** Field-by-field construction of an {@link InfisicalSettings} layer, for tests. */
public final class TestSettings {

  private String serverUrl;
  private String credentialsId;
  private String projectId;
  private String projectSlug;
  private String environment;
  private Integer connectTimeoutSeconds;
  private Integer readTimeoutSeconds;
  private String caCertificate;
  private Boolean useJenkinsProxy;

  private TestSettings() {
  }

  /** An empty layer to fill in. */
  public static TestSettings builder() {
    return new TestSettings();
  }

  public TestSettings serverUrl(String v) {
    serverUrl = v;
    return this;
  }

  public TestSettings credentialsId(String v) {
    credentialsId = v;
    return this;
  }

  public TestSettings projectId(String v) {
    projectId = v;
    return this;
  }

  public TestSettings projectSlug(String v) {
    projectSlug = v;
    return this;
  }

  public TestSettings environment(String v) {
    environment = v;
    return this;
  }

  public TestSettings connectTimeoutSeconds(Integer v) {
    connectTimeoutSeconds = v;
    return this;
  }

  public TestSettings readTimeoutSeconds(Integer v) {
    readTimeoutSeconds = v;
    return this;
  }

  public TestSettings caCertificate(String v) {
    caCertificate = v;
    return this;
  }

  public TestSettings useJenkinsProxy(Boolean v) {
    useJenkinsProxy = v;
    return this;
  }

  public InfisicalSettings build() {
    return new InfisicalSettings(serverUrl, credentialsId, projectId, projectSlug, environment,
        connectTimeoutSeconds, readTimeoutSeconds, caCertificate, useJenkinsProxy);
  }
}
