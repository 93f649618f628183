package io.github.infisicalci.client.secrets;

import io.github.infisicalci.client.InvalidConfigurationException;
import io.github.infisicalci.text.Printable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * What to fetch: one project and environment, one or more secret paths (fetched concurrently; a later
 * path overrides an earlier one), and the listing flags. Build with {@link #builder()}.
 *
 * @param project the project; {@code null} only with a service token (its project is used)
 * @param environment environment slug, e.g. {@code dev}; {@code null} only with a service token (the
 *     environment of its scope is used; the client refuses a token with several environments)
 * @param paths normalised folder paths ({@code /}, {@code /stripe}), no duplicates, in precedence order
 * @param recursive include subfolders
 * @param includeImports include secrets brought in by secret imports
 * @param expandReferences let the server expand {@code ${...}} references
 * @param tagSlugs only secrets carrying one of these tags (empty = no filter)
 */
public record SecretsRequest(ProjectRef project, String environment, List<String> paths, boolean recursive,
    boolean includeImports, boolean expandReferences, List<String> tagSlugs) {

  /** Validates every field; a wrong one is named in the exception. */
  public SecretsRequest {
    environment = environment == null || environment.isBlank() ? null : environment.trim();
    if (environment != null && !environment.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '/' && c != '?' && c != '#' && c != '%')) {
      throw new InvalidConfigurationException("environment", "environment '" + printable(environment)
          + "' is not a valid environment slug");
    }
    if (paths == null || paths.isEmpty()) {
      paths = List.of("/");
    } else {
      LinkedHashSet<String> unique = new LinkedHashSet<>();
      for (String p : paths) {
        String n = normalizePath(p);
        unique.remove(n);
        unique.add(n);
      }
      paths = List.copyOf(unique);
    }
    List<String> tags = new ArrayList<>();
    for (String t : tagSlugs == null ? List.<String>of() : tagSlugs) {
      if (t == null || t.isBlank() || !t.trim().chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ',')) {
        throw new InvalidConfigurationException("tagSlugs", "tagSlugs: '" + printable(t) + "' is not a valid tag slug");
      }
      tags.add(t.trim());
    }
    tagSlugs = List.copyOf(tags);
  }

  /** A builder: paths default to {@code /}, recursive off, imports and reference expansion on. */
  public static Builder builder() {
    return new Builder();
  }

  /** The environment, when one was given. */
  public Optional<String> environmentSlug() {
    return Optional.ofNullable(environment);
  }

  /** The project, when one was given. */
  public Optional<ProjectRef> projectRef() {
    return Optional.ofNullable(project);
  }

  /**
   * Normalises a folder path: leading slash added, trailing slash removed, {@code //} collapsed.
   *
   * @throws InvalidConfigurationException naming {@code path} for empty, relative-dot or control-character paths
   */
  public static String normalizePath(String path) {
    if (path == null || path.isBlank()) {
      throw new InvalidConfigurationException("path", "path must not be empty (use '/' for the root folder)");
    }
    String p = path.trim();
    if (!p.chars().allMatch(c -> c >= 0x20 && c != 0x7f && c != '?' && c != '#' && c != '\\')) {
      throw new InvalidConfigurationException("path", "path '" + printable(p) + "' contains characters not allowed in a folder path");
    }
    StringBuilder out = new StringBuilder();
    for (String seg : p.split("/")) {
      if (seg.isBlank()) {
        continue;
      }
      if (seg.equals(".") || seg.equals("..")) {
        throw new InvalidConfigurationException("path", "path '" + printable(p) + "' must not contain '.' or '..' segments");
      }
      if (!seg.equals(seg.trim())) {
        throw new InvalidConfigurationException("path", "path '" + printable(p) + "' has a folder name with surrounding spaces");
      }
      out.append('/').append(seg);
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  private static String printable(String s) {
    return Printable.quote(s);
  }

  /** Collects the request; {@link #build()} validates. */
  public static final class Builder {
    private ProjectRef project;
    private String environment;
    private final List<String> paths = new ArrayList<>();
    private boolean recursive;
    private boolean includeImports = true;
    private boolean expandReferences = true;
    private List<String> tagSlugs = List.of();

    private Builder() {
    }

    public Builder project(ProjectRef ref) {
      this.project = ref;
      return this;
    }

    public Builder environment(String slug) {
      this.environment = slug;
      return this;
    }

    /** Adds a path; repeat for several (a later path overrides an earlier one). */
    public Builder path(String path) {
      this.paths.add(path);
      return this;
    }

    /** Replaces the paths. */
    public Builder paths(List<String> list) {
      this.paths.clear();
      if (list != null) {
        this.paths.addAll(list);
      }
      return this;
    }

    public Builder recursive(boolean value) {
      this.recursive = value;
      return this;
    }

    public Builder includeImports(boolean value) {
      this.includeImports = value;
      return this;
    }

    public Builder expandReferences(boolean value) {
      this.expandReferences = value;
      return this;
    }

    public Builder tagSlugs(List<String> slugs) {
      this.tagSlugs = slugs == null ? List.of() : new ArrayList<>(slugs);
      return this;
    }

    /** Validates; throws {@link InvalidConfigurationException} naming the wrong field. */
    public SecretsRequest build() {
      return new SecretsRequest(project, environment, paths, recursive, includeImports, expandReferences, tagSlugs);
    }
  }
}
