package io.github.infisicalci.action;

import static io.github.infisicalci.action.InputProblems.printable;

import io.github.infisicalci.client.SecretValue;
import java.nio.file.Path;
import java.util.Map;

/** The login inputs: {@code method} and the credentials each method needs. */
record LoginSettings(
    AuthKind method,
    String clientId,
    SecretValue clientSecret,
    String identityId,
    String oidcAudience,
    SecretValue token,
    Path kubernetesTokenPath) {

  static LoginSettings parse(Inputs in, Map<String, String> env, InputProblems p) {
    AuthKind method = AuthKind.parse(in.get("method")).orElse(null);
    if (method == null) {
      p.add("method", "'" + printable(in.get("method")) + "' is not supported; use universal, oidc, jwt, kubernetes or token"
          + (in.get("method").equalsIgnoreCase("aws-iam") ? " (aws-iam is not available in this action)" : ""));
    }
    String clientId = in.get("client-id");
    SecretValue clientSecret = SecretValue.of(in.get("client-secret"));
    String identityId = in.get("identity-id");
    SecretValue token = SecretValue.of(in.get("token"));
    Path k8sToken = in.isSet("kubernetes-token-path") ? Path.of(in.get("kubernetes-token-path")) : null;
    if (method == AuthKind.UNIVERSAL) {
      if (clientId.isEmpty()) {
        p.add("client-id", "is required for method 'universal'");
      }
      if (clientSecret.isEmpty()) {
        p.add("client-secret", "is required for method 'universal'");
      }
    } else if (method == AuthKind.OIDC || method == AuthKind.JWT || method == AuthKind.KUBERNETES) {
      if (identityId.isEmpty()) {
        p.add("identity-id", "is required for method '" + in.get("method") + "'");
      }
    } else if (method == AuthKind.TOKEN && token.isEmpty()) {
      p.add("token", "is required for method 'token' (an Infisical access token or a service token st.…)");
    }
    if (method != null && method.usesGitHubIdToken()) {
      String url = env.getOrDefault("ACTIONS_ID_TOKEN_REQUEST_URL", "");
      String requestToken = env.getOrDefault("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "");
      if (url.isBlank() || requestToken.isBlank()) {
        p.add("method", "'" + in.get("method") + "' needs the job's OIDC ID token, but ACTIONS_ID_TOKEN_REQUEST_URL/"
            + "ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set: add 'permissions: id-token: write' to the job or workflow");
      } else if (okhttp3.HttpUrl.parse(url) == null) {
        p.add("method", "'" + in.get("method") + "' needs the job's OIDC ID token, but ACTIONS_ID_TOKEN_REQUEST_URL"
            + " is not an http(s) URL");
      }
    }
    if (in.isSet("oidc-audience") && (method == null || !method.usesGitHubIdToken())) {
      p.add("oidc-audience", "only applies to method 'oidc' or 'jwt'");
    }
    return new LoginSettings(method, clientId, clientSecret, identityId, in.get("oidc-audience"), token, k8sToken);
  }

  /** Whether the login is a legacy service token ({@code st.…}), which carries its own project scope. */
  boolean serviceToken() {
    return method == AuthKind.TOKEN && token.reveal().startsWith("st.");
  }

  /** Names the method only: the credentials stay out. */
  @Override
  public String toString() {
    return "LoginSettings[method=" + method + "]";
  }
}
