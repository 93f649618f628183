package io.github.infisicalci.jenkins.credentials;

import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.client.auth.AuthMethod;
import io.github.infisicalci.client.auth.AuthMethods;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a Jenkins credential holds, decrypted on the controller for one login: a Universal Auth client id
 * and secret, or a token (machine-identity access token, or a legacy {@code st.} service token).
 * {@link #toString()} never shows the secret.
 */
public final class CredentialMaterial {
  /** The kind of credential. */
  public enum Kind { UNIVERSAL_AUTH, TOKEN }

  private final String credentialsId;
  private final Kind kind;
  private final String clientId;
  private final SecretValue secret;

  private CredentialMaterial(String credentialsId, Kind kind, String clientId, SecretValue secret) {
    this.credentialsId = Objects.requireNonNull(credentialsId, "credentialsId");
    this.kind = kind;
    this.clientId = clientId;
    this.secret = Objects.requireNonNull(secret, "secret");
  }

  /** Universal Auth: client id and client secret. */
  public static CredentialMaterial universalAuth(String credentialsId, String clientId, SecretValue clientSecret) {
    return new CredentialMaterial(credentialsId, Kind.UNIVERSAL_AUTH, clientId, clientSecret);
  }

  /** A token given as is: an access token, or a service token when it starts with {@code st.}. */
  public static CredentialMaterial token(String credentialsId, SecretValue token) {
    return new CredentialMaterial(credentialsId, Kind.TOKEN, null, token);
  }

  public String credentialsId() {
    return credentialsId;
  }

  public Kind kind() {
    return kind;
  }

  /** The secret part (client secret or token), for masking. */
  public SecretValue secret() {
    return secret;
  }

  /**
   * The login method for this material.
   *
   * @throws io.github.infisicalci.client.InvalidConfigurationException naming the empty or malformed field
   */
  public AuthMethod authMethod() {
    return kind == Kind.UNIVERSAL_AUTH ? AuthMethods.universal(clientId, secret) : AuthMethods.token(secret);
  }

  /** Whether logins with this material can be cached and repeated (a given token cannot log in again). */
  public boolean canLogIn() {
    return kind == Kind.UNIVERSAL_AUTH;
  }

  /**
   * A SHA-256 fingerprint of the content (kind, client id, secret): changes whenever the credential is
   * edited, so a cached token is never reused for different credential content.
   */
  public String fingerprint() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(kind.name().getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update((clientId == null ? "" : clientId).getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      byte[] s = secret.utf8();
      md.update(s);
      java.util.Arrays.fill(s, (byte) 0);
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "CredentialMaterial[" + credentialsId + ", " + kind + "]";
  }
}
