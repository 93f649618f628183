package io.github.infisicalci.client.auth;

import java.util.List;

/**
 * What a legacy service token may read.
 *
 * @param projectId the project (workspace) id of the token
 * @param scopes environment/path pairs the token may read
 */
public record ServiceTokenScope(String projectId, List<Scope> scopes) {

  /** Copies the list. */
  public ServiceTokenScope {
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }

  /**
   * One readable environment and path (the path may be a glob).
   *
   * @param environment environment slug
   * @param secretPath folder path
   */
  public record Scope(String environment, String secretPath) {
  }
}
