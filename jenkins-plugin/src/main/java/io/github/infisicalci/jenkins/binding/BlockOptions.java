package io.github.infisicalci.jenkins.binding;

import static io.github.infisicalci.jenkins.config.InfisicalSettings.blankToNull;

import io.github.infisicalci.export.ExportException;
import io.github.infisicalci.export.KeySelection;
import io.github.infisicalci.jenkins.config.InfisicalSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code withInfisical} block was asked for, in both syntaxes, as the freestyle wrapper and the
 * Pipeline step are data-bound: the concise fields and the official plugin's {@code configuration} and
 * {@code infisicalSecrets}. Blank texts count as absent.
 *
 * @param concise the concise connection fields ({@code serverUrl}, {@code credentialsId}, {@code projectId},
 *     {@code projectSlug}, {@code environment}) as a settings layer ({@link InfisicalSettings#EMPTY} when absent)
 * @param paths folder paths, one per line or comma-separated, or {@code null}
 * @param keys key selection rules, one per line, or {@code null}
 * @param recursive include sub-folders (concise group)
 * @param includeImports include imported secrets (concise group)
 * @param official the official {@code configuration} as a settings layer ({@link InfisicalSettings#EMPTY} when absent)
 * @param folders the official {@code infisicalSecrets} as fetch groups, or {@code null} when absent
 * @param login how to log in ({@link LoginOptions#DEFAULT}: with the credentials)
 * @param allowedNames protected names the block may export, one per line or comma-separated, or {@code null}
 */
public record BlockOptions(InfisicalSettings concise, String paths, String keys, boolean recursive,
    boolean includeImports, InfisicalSettings official, List<FetchGroup> folders, LoginOptions login,
    String allowedNames) {

  /** Trims texts (blank → {@code null}) and copies the folder groups. */
  public BlockOptions {
    concise = concise == null ? InfisicalSettings.EMPTY : concise;
    paths = blankToNull(paths);
    keys = blankToNull(keys);
    official = official == null ? InfisicalSettings.EMPTY : official;
    folders = folders == null || folders.isEmpty() ? null : List.copyOf(folders);
    login = login == null ? LoginOptions.DEFAULT : login;
    allowedNames = blankToNull(allowedNames);
  }

  /**
   * The protected names allowed: entries of {@code enclosing} (global and folder fields) and of this block,
   * each text split at new lines and commas, trimmed, blanks dropped.
   */
  public List<String> allowedNames(List<String> enclosing) {
    List<String> all = new ArrayList<>();
    for (String text : enclosing) {
      all.addAll(splitPaths(text));
    }
    all.addAll(splitPaths(allowedNames));
    return all;
  }

  /** Converts the official syntax's data-bound objects ({@code null} = absent). */
  public static InfisicalSettings officialSettings(InfisicalConnection configuration) {
    return configuration == null ? InfisicalSettings.EMPTY : configuration.toSettings();
  }

  /** Converts the official syntax's folder entries ({@code null} = absent). */
  public static List<FetchGroup> officialFolders(List<InfisicalSecretFolder> infisicalSecrets) {
    if (infisicalSecrets == null || infisicalSecrets.isEmpty()) {
      return null;
    }
    List<FetchGroup> groups = new ArrayList<>();
    for (InfisicalSecretFolder f : infisicalSecrets) {
      groups.add(f.toFetchGroup());
    }
    return groups;
  }

  /** The block's own settings layer: the official {@code configuration}, then the concise fields on top. */
  public InfisicalSettings settings() {
    return official.overriddenBy(concise);
  }

  /**
   * What to fetch: one group per official {@code infisicalSecrets} entry (entries without keys are
   * skipped), plus the concise group when {@code paths} or {@code keys} is set or nothing else is.
   *
   * @throws BlockException when {@code keys} or a path is malformed, or the official entries list no key
   */
  public List<FetchGroup> fetchGroups() {
    List<FetchGroup> groups = new ArrayList<>();
    if (folders != null) {
      for (FetchGroup g : folders) {
        if (!g.selection().selectsAll()) {
          groups.add(g);
        }
      }
    }
    if (paths != null || keys != null || folders == null) {
      KeySelection selection;
      try {
        selection = KeySelection.parse(keys);
      } catch (ExportException e) {
        throw new BlockException("keys: " + e.getMessage());
      }
      groups.add(new FetchGroup(splitPaths(paths), recursive, includeImports, selection));
    }
    if (groups.isEmpty()) {
      throw new BlockException("infisicalSecrets lists no secretValues (infisicalKey) to read");
    }
    return groups;
  }

  /** Paths (or other lists) separated by new lines or commas, trimmed, blanks dropped. */
  public static List<String> splitPaths(String text) {
    List<String> out = new ArrayList<>();
    if (text != null) {
      for (String p : text.split("[\\n,]")) {
        if (!p.isBlank()) {
          out.add(p.trim());
        }
      }
    }
    return out;
  }
}
