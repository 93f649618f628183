package io.github.infisicalci.jenkins.binding;

import io.github.infisicalci.export.KeySelection;
import java.util.List;
import java.util.Objects;

/**
 * One listing the block asks for: folder paths (merged, a later path wins), the listing flags and which
 * keys to export under which names.
 *
 * @param paths folder paths in precedence order (default {@code /})
 * @param recursive include subfolders
 * @param includeImports include imported secrets
 * @param selection which keys, under which names ({@link KeySelection#all()} = every key)
 */
public record FetchGroup(List<String> paths, boolean recursive, boolean includeImports, KeySelection selection) {

  /** Copies the paths ({@code /} when none) and requires a selection. */
  public FetchGroup {
    paths = paths == null || paths.isEmpty() ? List.of("/") : List.copyOf(paths);
    Objects.requireNonNull(selection, "selection");
  }
}
