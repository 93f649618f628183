package io.github.infisicalci.client;

import io.github.infisicalci.client.auth.AuthMethod;
import io.github.infisicalci.client.secrets.Project;
import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.client.secrets.Secret;
import io.github.infisicalci.client.secrets.SecretsRequest;
import io.github.infisicalci.client.secrets.SecretsResult;

/**
 * Client of the Infisical HTTP API. Thread-safe; concurrent callers share one login.
 */
public final class InfisicalClient implements AutoCloseable {

  private InfisicalClient() {
  }

  /** A client for {@code config} that logs in with {@code auth} when first needed. */
  public static InfisicalClient create(ClientConfig config, AuthMethod auth) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Fetches every path of the request concurrently and merges them (a later path wins). */
  public SecretsResult fetchSecrets(SecretsRequest request) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** One secret by name. */
  public Secret getSecret(ProjectRef project, String environment, String path, String key) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** The project with its environments. */
  public Project project(ProjectRef project) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** The current access token, logging in first if needed. */
  public SecretValue accessToken() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Revokes the current token (identity logins only). */
  public void revoke() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  @Override
  public void close() {
  }
}
