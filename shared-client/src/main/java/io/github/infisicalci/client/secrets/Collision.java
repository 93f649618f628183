package io.github.infisicalci.client.secrets;

import java.util.List;

/**
 * A key found under several requested paths; the value of {@code winningPath} (the last of them in the
 * request) is used.
 *
 * @param key the secret name
 * @param winningPath the requested path whose value is used
 * @param losingPaths the other requested paths that also define the key, in request order
 */
public record Collision(String key, String winningPath, List<String> losingPaths) {
  /** Copies the list. */
  public Collision {
    losingPaths = List.copyOf(losingPaths);
  }
}
