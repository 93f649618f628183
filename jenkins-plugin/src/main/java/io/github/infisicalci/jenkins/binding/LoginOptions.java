package io.github.infisicalci.jenkins.binding;

import static io.github.infisicalci.jenkins.config.InfisicalSettings.blankToNull;

import java.util.Locale;

/**
 * How a block logs in, when not simply with its credentials: {@code authMethod} and the machine identity's
 * {@code identityId}. Blank texts count as absent.
 *
 * @param authMethod empty (from the credentials: Universal Auth, access or service token), {@code oidc},
 *     {@code jwt}, {@code kubernetes} or {@code aws-iam}
 * @param identityId the Infisical machine identity id (every method but the credentials')
 */
public record LoginOptions(String authMethod, String identityId) {
  /** Nothing set: log in with the credentials. */
  public static final LoginOptions DEFAULT = new LoginOptions(null, null);

  /** Trims and lower-cases the method. */
  public LoginOptions {
    authMethod = blankToNull(authMethod) == null ? null : authMethod.trim().toLowerCase(Locale.ROOT);
    identityId = blankToNull(identityId);
  }

  /** The login method. @throws BlockException naming {@code authMethod} when it is not one of them */
  public LoginMethod method() {
    if (authMethod == null) {
      return LoginMethod.CREDENTIALS;
    }
    for (LoginMethod m : LoginMethod.values()) {
      if (m != LoginMethod.CREDENTIALS && m.inputName().equals(authMethod)) {
        return m;
      }
    }
    throw new BlockException("authMethod '" + authMethod + "' is not one of: oidc, jwt, kubernetes, aws-iam"
        + " (leave it empty to log in with the credentials)");
  }
}
