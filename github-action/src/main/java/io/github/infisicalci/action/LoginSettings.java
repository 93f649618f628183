package io.github.infisicalci.action;

import static io.github.infisicalci.action.InputProblems.printable;

import io.github.infisicalci.client.SecretValue;
import java.nio.file.Path;
import java.util.Map;

/**
 * The login inputs: {@code method} and the credentials each method needs. With {@code method: token},
 * or with no {@code method}, {@code client-id} or {@code client-secret} given, an empty {@code token}
 * input is taken from {@code INFISICAL_TOKEN} in the step's environment (the CLI's convention).
 */
record LoginSettings(
    AuthKind method,
    String tokenSource,
    String clientId,
    SecretValue clientSecret,
    String identityId,
    String oidcAudience,
    SecretValue token,
    Path kubernetesTokenPath) {

  /** The environment variable an empty {@code token} input falls back to. */
  static final String ENV_TOKEN = "INFISICAL_TOKEN";

  static LoginSettings parse(Inputs in, Map<String, String> env, InputProblems p) {
    AuthKind method = AuthKind.parse(in.get("method")).orElse(null);
    SecretValue envToken = SecretValue.of(env.getOrDefault(ENV_TOKEN, "").trim());
    boolean noUniversal = !in.isSet("client-id") && !in.isSet("client-secret");
    if (!in.isSet("method") && noUniversal && (in.isSet("token") || !envToken.isEmpty())) {
      method = AuthKind.TOKEN;
    }
    if (method == null) {
      p.add("method", "'" + printable(in.get("method")) + "' is not supported; use universal, oidc, jwt, kubernetes,"
          + " aws-iam or token");
    }
    String clientId = in.get("client-id");
    SecretValue clientSecret = SecretValue.of(in.get("client-secret"));
    String identityId = in.get("identity-id");
    SecretValue token = SecretValue.of(in.get("token"));
    String tokenSource = "input token";
    if (method == AuthKind.TOKEN && token.isEmpty() && !envToken.isEmpty()) {
      token = envToken;
      tokenSource = ENV_TOKEN + " from the step's environment";
    }
    Path k8sToken = in.isSet("kubernetes-token-path") ? Path.of(in.get("kubernetes-token-path")) : null;
    if (method == AuthKind.UNIVERSAL) {
      if (clientId.isEmpty()) {
        p.add("client-id", "is required for method 'universal'");
      }
      if (clientSecret.isEmpty()) {
        p.add("client-secret", "is required for method 'universal'");
      }
    } else if (method == AuthKind.OIDC || method == AuthKind.JWT || method == AuthKind.KUBERNETES
        || method == AuthKind.AWS_IAM) {
      if (identityId.isEmpty()) {
        p.add("identity-id", "is required for method '" + in.get("method") + "'");
      }
    } else if (method == AuthKind.TOKEN && token.isEmpty()) {
      p.add("token", "is required for method 'token' (an Infisical access token or a service token st.…);"
          + " or set " + ENV_TOKEN + " in the step's env");
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
    return new LoginSettings(method, tokenSource, clientId, clientSecret, identityId, in.get("oidc-audience"), token, k8sToken);
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
