package io.github.infisicalci.jenkins.config;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.github.infisicalci.jenkins.credentials.InfisicalCredentials;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Global Infisical defaults (Manage Jenkins → System → Infisical; JCasC {@code unclassified: infisical:}).
 * Folders ({@link InfisicalFolderProperty}) and the step override them field by field.
 *
 * <p>Saved once per change, not once per field: the setters only assign; a form submission saves in
 * {@link #configure(StaplerRequest2, JSONObject)}, and JCasC applies the setters inside a {@code BulkChange}
 * that saves when it commits. Code that calls a setter directly (a script) calls {@link #save()} after it.
 */
@Extension
@Symbol("infisical")
public class InfisicalGlobalConfiguration extends GlobalConfiguration {
  private String serverUrl;
  private String credentialsId;
  private String projectId;
  private String projectSlug;
  private String environment;
  private int connectTimeoutSeconds;
  private int readTimeoutSeconds;
  private String caCertificate;
  private boolean useJenkinsProxy = true;
  private String allowedNames;

  /** Loads the saved configuration. */
  public InfisicalGlobalConfiguration() {
    load();
  }

  /** The singleton. */
  public static InfisicalGlobalConfiguration get() {
    return ExtensionList.lookupSingleton(InfisicalGlobalConfiguration.class);
  }

  /** This configuration as the outermost settings layer. */
  public InfisicalSettings toSettings() {
    return new InfisicalSettings(serverUrl, credentialsId, projectId, projectSlug, environment,
        connectTimeoutSeconds, readTimeoutSeconds, caCertificate, useJenkinsProxy);
  }

  public String getServerUrl() {
    return serverUrl;
  }

  @DataBoundSetter
  public void setServerUrl(String serverUrl) {
    this.serverUrl = InfisicalSettings.blankToNull(serverUrl);
  }

  public String getCredentialsId() {
    return credentialsId;
  }

  @DataBoundSetter
  public void setCredentialsId(String credentialsId) {
    this.credentialsId = InfisicalSettings.blankToNull(credentialsId);
  }

  public String getProjectId() {
    return projectId;
  }

  @DataBoundSetter
  public void setProjectId(String projectId) {
    this.projectId = InfisicalSettings.blankToNull(projectId);
  }

  public String getProjectSlug() {
    return projectSlug;
  }

  @DataBoundSetter
  public void setProjectSlug(String projectSlug) {
    this.projectSlug = InfisicalSettings.blankToNull(projectSlug);
  }

  public String getEnvironment() {
    return environment;
  }

  @DataBoundSetter
  public void setEnvironment(String environment) {
    this.environment = InfisicalSettings.blankToNull(environment);
  }

  /** Connect timeout in seconds; 0 = the client default. */
  public int getConnectTimeoutSeconds() {
    return connectTimeoutSeconds;
  }

  @DataBoundSetter
  public void setConnectTimeoutSeconds(int connectTimeoutSeconds) {
    this.connectTimeoutSeconds = Math.max(0, connectTimeoutSeconds);
  }

  /** Read timeout in seconds; 0 = the client default. */
  public int getReadTimeoutSeconds() {
    return readTimeoutSeconds;
  }

  @DataBoundSetter
  public void setReadTimeoutSeconds(int readTimeoutSeconds) {
    this.readTimeoutSeconds = Math.max(0, readTimeoutSeconds);
  }

  /** Extra trusted CA certificates (PEM), e.g. for a self-hosted server with a private CA. */
  public String getCaCertificate() {
    return caCertificate;
  }

  @DataBoundSetter
  public void setCaCertificate(String caCertificate) {
    this.caCertificate = InfisicalSettings.blankToNull(caCertificate);
  }

  /** Whether the proxy configured in Jenkins is used (default true). */
  public boolean isUseJenkinsProxy() {
    return useJenkinsProxy;
  }

  @DataBoundSetter
  public void setUseJenkinsProxy(boolean useJenkinsProxy) {
    this.useJenkinsProxy = useJenkinsProxy;
  }

  /** Binds the submitted form, then saves once. */
  @Override
  public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
    req.bindJSON(this, json);
    save();
    return true;
  }

  /** Protected variable names every block may export (folders and blocks add their own). */
  public String getAllowedNames() {
    return allowedNames;
  }

  @DataBoundSetter
  public void setAllowedNames(String allowedNames) {
    this.allowedNames = InfisicalSettings.blankToNull(allowedNames);
  }

  /** Credentials dropdown (Jenkins/ADMINISTER; others see only the current value). */
  @POST
  public ListBoxModel doFillCredentialsIdItems(@QueryParameter String serverUrl, @QueryParameter String credentialsId) {
    return InfisicalCredentials.listBox(null, FormSupport.serverUrlOf(
        InfisicalSettings.connection(serverUrl, null, null, null, null)), credentialsId);
  }

  @POST
  public FormValidation doCheckServerUrl(@QueryParameter String value) {
    return FormSupport.checkServerUrl(null, value);
  }

  @POST
  public FormValidation doCheckProjectId(@QueryParameter String value) {
    return FormSupport.checkName(null, "projectId", value);
  }

  @POST
  public FormValidation doCheckProjectSlug(@QueryParameter String value) {
    return FormSupport.checkName(null, "projectSlug", value);
  }

  @POST
  public FormValidation doCheckEnvironment(@QueryParameter String value) {
    return FormSupport.checkName(null, "environment", value);
  }

  /** Logs in and looks the project and environment up (Jenkins/ADMINISTER). */
  @POST
  public FormValidation doTestConnection(@QueryParameter String serverUrl, @QueryParameter String credentialsId,
      @QueryParameter String projectId, @QueryParameter String projectSlug, @QueryParameter String environment,
      @QueryParameter String connectTimeoutSeconds, @QueryParameter String readTimeoutSeconds,
      @QueryParameter String caCertificate, @QueryParameter boolean useJenkinsProxy) {
    return FormSupport.testConnection(null, new InfisicalSettings(serverUrl, credentialsId, projectId, projectSlug,
        environment, seconds(connectTimeoutSeconds), seconds(readTimeoutSeconds), caCertificate, useJenkinsProxy));
  }

  /** A form's seconds value; blank or not a number means unset. */
  static Integer seconds(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
