package io.github.infisicalci.jenkins.binding;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import io.github.infisicalci.export.KeySelection;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * One entry of {@code infisicalSecrets:} in the official plugin's syntax: a folder {@code path}, whether
 * to {@code includeImports}, and the {@code secretValues} (keys) to read from it.
 */
public final class InfisicalSecretFolder implements Describable<InfisicalSecretFolder> {
  private final String path;
  private final boolean includeImports;
  private final List<InfisicalSecretKey> secretValues;

  /**
   * Creates the entry.
   *
   * @param path folder path ({@code /} when blank)
   * @param includeImports include imported secrets
   * @param secretValues the keys to read
   */
  @DataBoundConstructor
  public InfisicalSecretFolder(String path, boolean includeImports, List<InfisicalSecretKey> secretValues) {
    this.path = path == null || path.isBlank() ? "/" : path.trim();
    this.includeImports = includeImports;
    this.secretValues = secretValues == null ? new ArrayList<>() : new ArrayList<>(secretValues);
  }

  /** Normalized as the constructor does, also for entries stored by the official plugin (same fields). */
  private Object readResolve() {
    return new InfisicalSecretFolder(path, includeImports, secretValues);
  }

  public String getPath() {
    return path;
  }

  public boolean getIncludeImports() {
    return includeImports;
  }

  public List<InfisicalSecretKey> getSecretValues() {
    return List.copyOf(secretValues);
  }

  /** This entry as a fetch group: its path, not recursive, its keys (required unless marked otherwise). */
  public FetchGroup toFetchGroup() {
    List<KeySelection.Rule> rules = new ArrayList<>();
    for (InfisicalSecretKey k : secretValues) {
      if (k.getInfisicalKey() != null) {
        rules.add(new KeySelection.Rule(k.getInfisicalKey(), null, k.getIsRequired()));
      }
    }
    return new FetchGroup(List.of(path), false, includeImports, KeySelection.of(rules));
  }

  /** Descriptor; the symbol lets a Jenkinsfile written for the official plugin say {@code infisicalSecret(...)}. */
  @Extension
  @Symbol("infisicalSecret")
  public static final class DescriptorImpl extends Descriptor<InfisicalSecretFolder> {
    @Override
    public String getDisplayName() {
      return "Infisical secret folder";
    }
  }
}
