package io.github.infisicalci.client.auth;

import io.github.infisicalci.client.InvalidConfigurationException;
import io.github.infisicalci.client.SecretValue;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/** Factories of every supported {@link AuthMethod}. Inputs are validated here; errors name the input. */
public final class AuthMethods {
  /** Where Kubernetes mounts a pod's service-account token. */
  public static final Path DEFAULT_KUBERNETES_TOKEN =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

  private AuthMethods() {
  }

  /** Universal Auth: {@code POST /api/v1/auth/universal-auth/login} with a client id and secret. */
  public static AuthMethod universal(String clientId, SecretValue clientSecret) {
    return new UniversalAuth(requireText("clientId", clientId), requireSecret("clientSecret", clientSecret));
  }

  /**
   * OIDC auth: an identity id and a supplier of the CI's ID token, asked at each login. A
   * {@link RuntimeException} the supplier throws reaches the caller unchanged (type and message), so its
   * message must say what to fix and must not hold a token.
   */
  public static AuthMethod oidc(String identityId, Supplier<SecretValue> jwt) {
    return new JwtLogin("oidc auth", "/api/v1/auth/oidc-auth/login", requireText("identityId", identityId),
        requireSupplier(jwt), "jwt");
  }

  /** JWT auth: an identity id and a supplier of a JWT the identity's keys verify; supplier failures as for {@link #oidc}. */
  public static AuthMethod jwt(String identityId, Supplier<SecretValue> jwt) {
    return new JwtLogin("jwt auth", "/api/v1/auth/jwt-auth/login", requireText("identityId", identityId),
        requireSupplier(jwt), "jwt");
  }

  /** Kubernetes auth with the pod's default service-account token file. */
  public static AuthMethod kubernetes(String identityId) {
    return kubernetes(identityId, DEFAULT_KUBERNETES_TOKEN);
  }

  /** Kubernetes auth with a service-account token read from {@code tokenFile} at each login. */
  public static AuthMethod kubernetes(String identityId, Path tokenFile) {
    if (tokenFile == null) {
      throw new InvalidConfigurationException("tokenFile", "tokenFile must be set");
    }
    return new JwtLogin("kubernetes auth", "/api/v1/auth/kubernetes-auth/login",
        requireText("identityId", identityId), new TokenFile(tokenFile), "token file " + tokenFile);
  }

  /**
   * Kubernetes auth with a service-account token from {@code token}, asked at each login (e.g. read from
   * the token file of the machine that runs the job when that is not this process's machine); supplier
   * failures as for {@link #oidc}.
   */
  public static AuthMethod kubernetes(String identityId, Supplier<SecretValue> token) {
    return new JwtLogin("kubernetes auth", "/api/v1/auth/kubernetes-auth/login",
        requireText("identityId", identityId), requireSupplier(token), "service-account token");
  }

  /**
   * AWS IAM auth: signs an STS {@code GetCallerIdentity} request with SigV4 and logs in with it at
   * {@code /api/v1/auth/aws-auth/login}. Credentials come from the AWS SDK's default chain (environment
   * incl. {@code AWS_SESSION_TOKEN}, web-identity token file, profile, ECS container, EC2 IMDSv2), the
   * region from {@code AWS_REGION} / {@code AWS_DEFAULT_REGION}, else the SDK's region chain. The AWS SDK is
   * loaded only when this method logs in.
   */
  public static AuthMethod awsIam(String identityId) {
    return awsIam(identityId, System.getenv());
  }

  /** {@link #awsIam(String)} with the region variables read from {@code env} instead of the process environment. */
  public static AuthMethod awsIam(String identityId, Map<String, String> env) {
    if (env == null) {
      throw new InvalidConfigurationException("env", "env must be set");
    }
    return AwsIamAuth.fromEnvironment(requireText("identityId", identityId), Map.copyOf(env));
  }

  /** Test seam: AWS IAM auth with given credentials, region and signing clock. */
  static AuthMethod awsIam(String identityId, Supplier<AwsKeys> credentials, Supplier<String> region, Clock clock) {
    return new AwsIamAuth(requireText("identityId", identityId), credentials, region, clock);
  }

  /** A machine-identity access token used as is ({@code INFISICAL_TOKEN} style); never renewed. */
  public static AuthMethod accessToken(SecretValue token) {
    SecretValue t = requireToken(token);
    if (t.reveal().startsWith("st.")) {
      throw new InvalidConfigurationException("token",
          "token looks like a service token (st.…); use serviceToken(...) or token(...)");
    }
    return new GivenToken(t);
  }

  /** A legacy service token {@code st.<id>.<secret>[.<key>]}; its project and scopes are asked from the server. */
  public static AuthMethod serviceToken(SecretValue token) {
    return ServiceTokenAuth.parse(requireToken(token));
  }

  /** A service token when {@code token} starts with {@code st.}, an access token otherwise. */
  public static AuthMethod token(SecretValue token) {
    SecretValue t = requireToken(token);
    return t.reveal().startsWith("st.") ? serviceToken(t) : accessToken(t);
  }

  static String requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidConfigurationException(field, field + " must not be empty");
    }
    String v = value.trim();
    if (!v.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new InvalidConfigurationException(field, field + " contains spaces or characters that are not printable ASCII");
    }
    return v;
  }

  /**
   * A token as it goes into the Authorization header: surrounding whitespace (a file's line break) removed;
   * inner blanks or non-ASCII characters rejected (the header cannot carry them).
   */
  private static SecretValue requireToken(SecretValue value) {
    requireSecret("token", value);
    String text = value.reveal().strip();
    if (text.isEmpty()) {
      throw new InvalidConfigurationException("token", "token must not be empty");
    }
    if (!text.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new InvalidConfigurationException("token",
          "token contains spaces, line breaks or characters that are not printable ASCII");
    }
    return text.length() == value.length() ? value : SecretValue.of(text);
  }

  private static SecretValue requireSecret(String field, SecretValue value) {
    if (value == null || value.isEmpty()) {
      throw new InvalidConfigurationException(field, field + " must not be empty");
    }
    return value;
  }

  private static Supplier<SecretValue> requireSupplier(Supplier<SecretValue> s) {
    if (s == null) {
      throw new InvalidConfigurationException("jwt", "jwt supplier must be set");
    }
    return s;
  }
}
