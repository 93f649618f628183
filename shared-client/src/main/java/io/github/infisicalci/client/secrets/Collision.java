package io.github.infisicalci.client.secrets;

import java.util.List;

/**
 * A key found under several requested paths, or (recursive listing) in several folders below one; the value
 * of {@code winningPath} is used: the last requested path, and within a recursive listing the deepest folder
 * (equal depth: the path that sorts last), whatever order the server listed them in.
 *
 * @param key the secret name
 * @param winningPath the requested path whose value is used
 * @param losingPaths the other paths or folders that also define the key, weakest first
 */
public record Collision(String key, String winningPath, List<String> losingPaths) {
  /** Copies the list. */
  public Collision {
    losingPaths = List.copyOf(losingPaths);
  }
}
