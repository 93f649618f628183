package io.github.infisicalci.jenkins.credentials;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import hudson.Extension;
import hudson.util.Secret;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * "Infisical Universal Auth" credentials: a machine identity's client id and client secret (kept
 * encrypted as a {@link Secret}). JCasC symbol {@code infisicalUniversalAuth}.
 */
public class InfisicalUniversalAuthCredentials extends BaseStandardCredentials {
  private static final long serialVersionUID = 1L;

  private String clientId; // not final: readResolve fills them from the official plugin's fields
  private Secret clientSecret;

  // Read-only fields of jenkinsci/infisical-plugin's InfisicalUniversalAuthCredential, whose credentials.xml
  // entries load as this class (migration.OfficialPlugin): Jenkins reads transient fields, never writes them.
  // Its client secret was stored as plain text; Secret reads plain text as is.
  private transient String machineIdentityClientId;
  private transient Secret machineIdentityClientSecret;
  private transient Object infisicalAuth;

  /**
   * Creates the credentials.
   *
   * @param scope credentials scope
   * @param id credentials id (generated when blank)
   * @param description free text shown in dropdowns
   * @param clientId Universal Auth client id
   * @param clientSecret Universal Auth client secret
   */
  @DataBoundConstructor
  public InfisicalUniversalAuthCredentials(CredentialsScope scope, String id, String description, String clientId,
      Secret clientSecret) {
    super(scope, id, description);
    this.clientId = clientId == null ? null : clientId.trim();
    this.clientSecret = clientSecret;
  }

  /**
   * Credentials loaded from the official plugin's data keep their scope, id and description (fields of the
   * credentials plugin's base classes) and take the client id and secret from the official fields.
   */
  private Object readResolve() {
    boolean official = machineIdentityClientId != null || machineIdentityClientSecret != null || infisicalAuth != null;
    if (official && clientId == null && clientSecret == null) {
      clientId = machineIdentityClientId == null ? null : machineIdentityClientId.trim();
      clientSecret = machineIdentityClientSecret;
      machineIdentityClientId = null;
      machineIdentityClientSecret = null;
      infisicalAuth = null;
    }
    return this;
  }

  /** The Universal Auth client id. */
  public String getClientId() {
    return clientId;
  }

  /** The Universal Auth client secret (encrypted). */
  public Secret getClientSecret() {
    return clientSecret;
  }

  /** Descriptor of {@link InfisicalUniversalAuthCredentials}. */
  @Extension
  @Symbol("infisicalUniversalAuth")
  public static final class DescriptorImpl extends BaseStandardCredentialsDescriptor {
    @Override
    public String getDisplayName() {
      return "Infisical Universal Auth";
    }
  }
}
