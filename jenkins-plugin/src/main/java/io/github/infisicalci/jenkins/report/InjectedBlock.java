package io.github.infisicalci.jenkins.report;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What one {@code withInfisical} block (or one of its secret folders) injected: project, environment,
 * paths and variable names. Never a value. A plain class (not a record) so that Jenkins' XStream can
 * store it in {@code build.xml}.
 */
public final class InjectedBlock implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String project;
  private final String environment;
  private final List<String> paths;
  private final List<String> names;
  /** {@code null} in records of earlier versions. */
  private final List<String> warnings;

  public InjectedBlock(String project, String environment, List<String> paths, List<String> names) {
    this(project, environment, paths, names, List.of());
  }

  /**
   * A block with warnings: secrets left out because of their names, names shells cannot reference (never a value).
   */
  public InjectedBlock(String project, String environment, List<String> paths, List<String> names,
      List<String> warnings) {
    this.project = project;
    this.environment = environment;
    this.paths = new ArrayList<>(paths);
    this.names = new ArrayList<>(names);
    this.warnings = new ArrayList<>(warnings);
  }

  public String getProject() {
    return project;
  }

  public String getEnvironment() {
    return environment;
  }

  public List<String> getPaths() {
    return List.copyOf(paths);
  }

  /** The injected variable names. */
  public List<String> getNames() {
    return List.copyOf(names);
  }

  /** Warnings about names (skipped secrets and why, names shells cannot reference); never a value. */
  public List<String> getWarnings() {
    return warnings == null ? List.of() : List.copyOf(warnings);
  }

  @Override
  public String toString() {
    return "project " + project + ", environment " + environment + ", paths " + paths + ": " + names;
  }
}
