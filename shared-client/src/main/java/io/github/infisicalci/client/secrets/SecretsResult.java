package io.github.infisicalci.client.secrets;

import java.util.List;
import java.util.Optional;

/**
 * Merged secrets of one request.
 *
 * @param projectId the resolved project id
 * @param environment environment slug
 * @param secrets one entry per key, sorted by key
 * @param collisions keys defined under several requested paths
 */
public record SecretsResult(String projectId, String environment, List<Secret> secrets, List<Collision> collisions) {

  /** Copies the lists. */
  public SecretsResult {
    secrets = List.copyOf(secrets);
    collisions = List.copyOf(collisions);
  }

  /** The secret with this key. */
  public Optional<Secret> get(String key) {
    return secrets.stream().filter(s -> s.key().equals(key)).findFirst();
  }
}
