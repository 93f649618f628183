package io.github.infisicalci.jenkins.binding;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import io.github.infisicalci.jenkins.config.InfisicalSettings;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * One entry of {@code secretValues:} in the official plugin's syntax: {@code infisicalKey} and
 * {@code isRequired} (default true). The variable gets the key's name.
 */
public final class InfisicalSecretKey implements Describable<InfisicalSecretKey> {
  private final String infisicalKey;
  private boolean isRequired = true;

  @DataBoundConstructor
  public InfisicalSecretKey(String infisicalKey) {
    this.infisicalKey = InfisicalSettings.blankToNull(infisicalKey);
  }

  public String getInfisicalKey() {
    return infisicalKey;
  }

  public boolean getIsRequired() {
    return isRequired;
  }

  @DataBoundSetter
  public void setIsRequired(boolean isRequired) {
    this.isRequired = isRequired;
  }

  /** Descriptor of {@link InfisicalSecretKey}. */
  @Extension
  public static final class DescriptorImpl extends Descriptor<InfisicalSecretKey> {
    @Override
    public String getDisplayName() {
      return "Infisical secret key";
    }
  }
}
