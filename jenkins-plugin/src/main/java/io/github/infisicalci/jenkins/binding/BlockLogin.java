package io.github.infisicalci.jenkins.binding;

import hudson.FilePath;
import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.client.auth.AuthMethod;
import io.github.infisicalci.client.auth.AuthMethods;
import io.github.infisicalci.jenkins.credentials.CredentialMaterial;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Turns a block's {@link LoginOptions} and credentials into the client's login method. */
final class BlockLogin {
  private BlockLogin() {
  }

  /**
   * The login.
   *
   * @param options the block's login options
   * @param credentials the looked-up credentials ({@code null} for Kubernetes auth)
   * @param podToken where the Kubernetes service-account token comes from: {@code null} for this controller's
   *     own token file, else a reader of the agent's file
   * @param buildEnv the block's environment: AWS IAM auth takes {@code AWS_REGION} / {@code AWS_DEFAULT_REGION}
   *     from it, else from the controller's environment
   * @throws BlockException naming the option that is missing or does not fit the credentials
   */
  static AuthMethod of(LoginOptions options, CredentialMaterial credentials, Supplier<SecretValue> podToken,
      Map<String, String> buildEnv) {
    LoginMethod method = options.method();
    if (method == LoginMethod.CREDENTIALS) {
      return credentials.authMethod();
    }
    if (options.identityId() == null) {
      throw new BlockException("authMethod '" + method.inputName() + "' needs 'identityId' (the Infisical machine"
          + " identity's id)");
    }
    if (method == LoginMethod.AWS_IAM) {
      return AuthMethods.awsIam(options.identityId(), awsEnvironment(buildEnv));
    }
    if (method == LoginMethod.KUBERNETES) {
      return podToken == null ? AuthMethods.kubernetes(options.identityId())
          : AuthMethods.kubernetes(options.identityId(), podToken);
    }
    if (credentials.kind() != CredentialMaterial.Kind.TOKEN) {
      throw new BlockException("authMethod '" + method.inputName() + "' needs a Secret text credential holding the"
          + " token (for example an ID token credential of the OpenID Connect Provider plugin); '"
          + credentials.credentialsId() + "' is Infisical Universal Auth");
    }
    SecretValue token = credentials.secret();
    Supplier<SecretValue> jwt = () -> token;
    return method == LoginMethod.OIDC ? AuthMethods.oidc(options.identityId(), jwt)
        : AuthMethods.jwt(options.identityId(), jwt);
  }

  /** The controller's environment with the block's AWS region variables on top (the credentials stay the controller's). */
  static Map<String, String> awsEnvironment(Map<String, String> buildEnv) {
    Map<String, String> env = new HashMap<>(System.getenv());
    for (String name : List.of("AWS_REGION", "AWS_DEFAULT_REGION")) {
      String value = buildEnv == null ? null : buildEnv.get(name);
      if (value != null && !value.isBlank()) {
        env.put(name, value.trim());
      }
    }
    return env;
  }

  /** Reads the Kubernetes service-account token file on the machine of {@code workspace} (an agent). */
  static Supplier<SecretValue> agentToken(FilePath workspace) {
    String file = AuthMethods.DEFAULT_KUBERNETES_TOKEN.toString();
    return () -> {
      try {
        return SecretValue.of(workspace.child(file).readToString().trim());
      } catch (IOException e) {
        throw new BlockException("Kubernetes auth: cannot read the service-account token " + file
            + " on the agent (" + e.getClass().getSimpleName() + ")");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BlockException("Kubernetes auth: interrupted while reading " + file + " on the agent");
      }
    };
  }
}
