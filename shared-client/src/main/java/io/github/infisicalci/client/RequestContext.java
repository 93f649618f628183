package io.github.infisicalci.client;

/**
 * What a failed call was about. Any component may be {@code null} when it does not apply.
 *
 * @param project the project id or slug as the caller gave it
 * @param environment the environment slug
 * @param path the secret path (folder)
 * @param key the secret name
 */
public record RequestContext(String project, String environment, String path, String key) {
  /** A context about nothing in particular (logins, token calls). */
  public static RequestContext none() {
    return new RequestContext(null, null, null, null);
  }

  /** The same context for another secret name. */
  public RequestContext withKey(String newKey) {
    return new RequestContext(project, environment, path, newKey);
  }

  /** The same context for another path. */
  public RequestContext withPath(String newPath) {
    return new RequestContext(project, environment, newPath, key);
  }
}
