package io.github.infisicalci.jenkins.binding;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import io.github.infisicalci.jenkins.config.FormSupport;
import io.github.infisicalci.jenkins.config.InfisicalSettings;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The {@code configuration:} argument of the official jenkinsci/infisical-plugin syntax
 * ({@code infisicalUrl}, {@code infisicalCredentialId}, {@code infisicalProjectSlug},
 * {@code infisicalEnvironmentSlug}), so Jenkinsfiles written for that plugin run unchanged.
 */
public final class InfisicalConnection implements Describable<InfisicalConnection> {
  private String infisicalUrl;
  private String infisicalCredentialId;
  private String infisicalProjectSlug;
  private String infisicalEnvironmentSlug;

  @DataBoundConstructor
  public InfisicalConnection() {
  }

  /** As a settings layer (the step's concise fields override it). */
  public InfisicalSettings toSettings() {
    return InfisicalSettings.connection(infisicalUrl, infisicalCredentialId, null, infisicalProjectSlug,
        infisicalEnvironmentSlug);
  }

  public String getInfisicalUrl() {
    return infisicalUrl;
  }

  @DataBoundSetter
  public void setInfisicalUrl(String infisicalUrl) {
    this.infisicalUrl = infisicalUrl;
  }

  public String getInfisicalCredentialId() {
    return infisicalCredentialId;
  }

  @DataBoundSetter
  public void setInfisicalCredentialId(String infisicalCredentialId) {
    this.infisicalCredentialId = infisicalCredentialId;
  }

  public String getInfisicalProjectSlug() {
    return infisicalProjectSlug;
  }

  @DataBoundSetter
  public void setInfisicalProjectSlug(String infisicalProjectSlug) {
    this.infisicalProjectSlug = infisicalProjectSlug;
  }

  public String getInfisicalEnvironmentSlug() {
    return infisicalEnvironmentSlug;
  }

  @DataBoundSetter
  public void setInfisicalEnvironmentSlug(String infisicalEnvironmentSlug) {
    this.infisicalEnvironmentSlug = infisicalEnvironmentSlug;
  }

  /** Descriptor of {@link InfisicalConnection}. */
  @Extension
  public static final class DescriptorImpl extends Descriptor<InfisicalConnection> {
    @Override
    public String getDisplayName() {
      return "Infisical connection";
    }

    /** Credentials the user may use on this job, as the concise {@code credentialsId} field lists them. */
    @POST
    public ListBoxModel doFillInfisicalCredentialIdItems(@AncestorInPath Item item,
        @QueryParameter String infisicalUrl, @QueryParameter String infisicalCredentialId) {
      return FormSupport.credentials(item, infisicalUrl, infisicalCredentialId);
    }
  }
}
