package io.github.infisicalci.client.secrets;

import java.util.List;
import java.util.Optional;

/**
 * A project and its environments.
 *
 * @param id project id
 * @param slug project slug
 * @param name display name
 * @param environments environments in the server's order
 */
public record Project(String id, String slug, String name, List<Environment> environments) {

  /** Copies the list. */
  public Project {
    environments = environments == null ? List.of() : List.copyOf(environments);
  }

  /**
   * An environment of a project.
   *
   * @param slug environment slug as used in API calls ({@code dev})
   * @param name display name ({@code Development})
   * @param id environment id
   */
  public record Environment(String slug, String name, String id) {
  }

  /** The environment with this slug. */
  public Optional<Environment> environment(String environmentSlug) {
    return environments.stream().filter(e -> e.slug().equals(environmentSlug)).findFirst();
  }

  /** Slugs of every environment, in order. */
  public List<String> environmentSlugs() {
    return environments.stream().map(Environment::slug).toList();
  }
}
