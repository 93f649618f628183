package io.github.infisicalci.client.secrets;

import io.github.infisicalci.client.InvalidConfigurationException;
import io.github.infisicalci.text.Printable;

/**
 * A project named by its id or by its slug (a slug is resolved to the id once per client).
 *
 * @param value the id or slug
 * @param isSlug whether {@code value} is a slug
 */
public record ProjectRef(String value, boolean isSlug) {

  /** Validates the value. */
  public ProjectRef {
    if (value == null || value.isBlank()) {
      throw new InvalidConfigurationException("project", "project " + (isSlug ? "slug" : "id") + " must not be empty");
    }
    value = value.trim();
    if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '/' && c != '?' && c != '#' && c != '%')
        || value.equals(".") || value.equals("..")) {
      throw new InvalidConfigurationException("project", "project " + (isSlug ? "slug" : "id") + " '"
          + Printable.quote(value) + "' contains characters not allowed in a project "
          + (isSlug ? "slug" : "id"));
    }
  }

  /** A project by id. */
  public static ProjectRef id(String id) {
    return new ProjectRef(id, false);
  }

  /** A project by slug. */
  public static ProjectRef slug(String slug) {
    return new ProjectRef(slug, true);
  }

  /** The value as a user would recognise it, e.g. {@code demo-project}. */
  @Override
  public String toString() {
    return value;
  }
}
