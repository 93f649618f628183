package io.github.infisicalci.client.auth;

import io.github.infisicalci.client.SecretValue;
import java.util.Objects;

/**
 * AWS credentials as this package holds them (no AWS SDK type, so nothing of the SDK loads unless AWS IAM
 * auth is used). {@link #toString()} shows the access key id only.
 *
 * @param accessKeyId the access key id (not secret on its own)
 * @param secretAccessKey the secret access key
 * @param sessionToken the session token of temporary credentials, or {@code null}
 */
record AwsKeys(String accessKeyId, SecretValue secretAccessKey, SecretValue sessionToken) {
  AwsKeys {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    sessionToken = sessionToken == null || sessionToken.isEmpty() ? null : sessionToken;
  }

  @Override
  public String toString() {
    return "AwsKeys[" + accessKeyId + (sessionToken == null ? "" : ", session") + "]";
  }
}
