package io.github.infisicalci.jenkins.config;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import com.cloudbees.hudson.plugins.folder.AbstractFolderProperty;
import com.cloudbees.hudson.plugins.folder.AbstractFolderPropertyDescriptor;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Folder-level Infisical defaults: override the global configuration for every job in the folder (an
 * inner folder overrides an outer one); the step overrides them.
 */
public class InfisicalFolderProperty extends AbstractFolderProperty<AbstractFolder<?>> {
  private String serverUrl;
  private String credentialsId;
  private String projectId;
  private String projectSlug;
  private String environment;
  private String allowedNames;

  @DataBoundConstructor
  public InfisicalFolderProperty() {
  }

  /** This folder's settings layer. */
  public InfisicalSettings toSettings() {
    return InfisicalSettings.connection(serverUrl, credentialsId, projectId, projectSlug, environment);
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

  /** Protected variable names every block in this folder may export (added to the global ones). */
  public String getAllowedNames() {
    return allowedNames;
  }

  @DataBoundSetter
  public void setAllowedNames(String allowedNames) {
    this.allowedNames = InfisicalSettings.blankToNull(allowedNames);
  }

  /** Descriptor of {@link InfisicalFolderProperty}. */
  @Extension
  @Symbol("infisical")
  public static final class DescriptorImpl extends AbstractFolderPropertyDescriptor {
    @Override
    public String getDisplayName() {
      return "Infisical defaults";
    }

    /** Credentials the user may use in this folder. */
    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String serverUrl,
        @QueryParameter String credentialsId) {
      return FormSupport.credentials(item, serverUrl, credentialsId);
    }

    @POST
    public FormValidation doCheckServerUrl(@AncestorInPath Item item, @QueryParameter String value) {
      return FormSupport.checkServerUrl(item, value);
    }

    @POST
    public FormValidation doCheckProjectId(@AncestorInPath Item item, @QueryParameter String value) {
      return FormSupport.checkName(item, "projectId", value);
    }

    @POST
    public FormValidation doCheckProjectSlug(@AncestorInPath Item item, @QueryParameter String value) {
      return FormSupport.checkName(item, "projectSlug", value);
    }

    @POST
    public FormValidation doCheckEnvironment(@AncestorInPath Item item, @QueryParameter String value) {
      return FormSupport.checkName(item, "environment", value);
    }

    /** Logs in and looks the project up, with this folder's values over the enclosing defaults (Item/CONFIGURE). */
    @POST
    public FormValidation doTestConnection(@AncestorInPath Item item, @QueryParameter String serverUrl,
        @QueryParameter String credentialsId, @QueryParameter String projectId, @QueryParameter String projectSlug,
        @QueryParameter String environment) {
      return FormSupport.testConnection(item, serverUrl, credentialsId, projectId, projectSlug, environment);
    }
  }
}
