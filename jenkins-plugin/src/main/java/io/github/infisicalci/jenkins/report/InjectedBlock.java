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

  public InjectedBlock(String project, String environment, List<String> paths, List<String> names) {
    this.project = project;
    this.environment = environment;
    this.paths = new ArrayList<>(paths);
    this.names = new ArrayList<>(names);
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

  @Override
  public String toString() {
    return "project " + project + ", environment " + environment + ", paths " + paths + ": " + names;
  }
}
