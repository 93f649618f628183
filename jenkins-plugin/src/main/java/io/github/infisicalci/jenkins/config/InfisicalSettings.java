package io.github.infisicalci.jenkins.config;

import io.github.infisicalci.client.secrets.ProjectRef;
import java.util.List;

/**
 * One layer of connection defaults (global configuration, a folder, or the step itself). Every field
 * may be unset ({@code null}); blank text counts as unset. Layers are merged with
 * {@link #overriddenBy(InfisicalSettings)}: the inner layer's set fields win. The project is one
 * choice: an inner layer that names a project (by id or slug) replaces both project fields of the outer.
 *
 * @param serverUrl Infisical base URL
 * @param credentialsId Jenkins credentials id (Universal Auth, or Secret text holding a token)
 * @param projectId project id
 * @param projectSlug project slug
 * @param environment environment slug
 * @param connectTimeoutSeconds connect timeout; {@code null} or {@code 0}: the client default
 * @param readTimeoutSeconds read timeout; {@code null} or {@code 0}: the client default
 * @param caCertificate extra trusted CA certificates (PEM)
 * @param useJenkinsProxy whether to use the proxy configured in Jenkins
 */
public record InfisicalSettings(String serverUrl, String credentialsId, String projectId, String projectSlug,
    String environment, Integer connectTimeoutSeconds, Integer readTimeoutSeconds, String caCertificate,
    Boolean useJenkinsProxy) {

  /** A layer with nothing set. */
  public static final InfisicalSettings EMPTY = new InfisicalSettings(null, null, null, null, null, null, null,
      null, null);

  /** Blank text becomes {@code null}; text is trimmed (the CA certificate keeps its inner layout). */
  public InfisicalSettings {
    serverUrl = blankToNull(serverUrl);
    credentialsId = blankToNull(credentialsId);
    projectId = blankToNull(projectId);
    projectSlug = blankToNull(projectSlug);
    environment = blankToNull(environment);
    caCertificate = blankToNull(caCertificate);
    connectTimeoutSeconds = positiveOrNull(connectTimeoutSeconds);
    readTimeoutSeconds = positiveOrNull(readTimeoutSeconds);
  }

  /** A layer that sets only the connection fields (server, credentials, project, environment). */
  public static InfisicalSettings connection(String serverUrl, String credentialsId, String projectId,
      String projectSlug, String environment) {
    return new InfisicalSettings(serverUrl, credentialsId, projectId, projectSlug, environment, null, null, null,
        null);
  }

  /** This layer with {@code inner}'s set fields on top. */
  public InfisicalSettings overriddenBy(InfisicalSettings inner) {
    if (inner == null) {
      return this;
    }
    boolean innerNamesProject = inner.projectId != null || inner.projectSlug != null;
    return new InfisicalSettings(
        pick(inner.serverUrl, serverUrl),
        pick(inner.credentialsId, credentialsId),
        innerNamesProject ? inner.projectId : projectId,
        innerNamesProject ? inner.projectSlug : projectSlug,
        pick(inner.environment, environment),
        pick(inner.connectTimeoutSeconds, connectTimeoutSeconds),
        pick(inner.readTimeoutSeconds, readTimeoutSeconds),
        pick(inner.caCertificate, caCertificate),
        pick(inner.useJenkinsProxy, useJenkinsProxy));
  }

  /** The project this layer names: by id when set, else by slug; {@code null} when neither is set. */
  public ProjectRef projectRef() {
    return projectId != null ? ProjectRef.id(projectId) : projectSlug != null ? ProjectRef.slug(projectSlug) : null;
  }

  /** Merges layers given from the outermost (global) to the innermost (the step). */
  public static InfisicalSettings merge(List<InfisicalSettings> outerToInner) {
    InfisicalSettings result = EMPTY;
    for (InfisicalSettings layer : outerToInner) {
      result = result.overriddenBy(layer);
    }
    return result;
  }

  private static <T> T pick(T inner, T outer) {
    return inner != null ? inner : outer;
  }

  /** {@code null} for null or blank text, else trimmed: the one rule for "unset" text in every layer and block. */
  public static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static Integer positiveOrNull(Integer i) {
    return i == null || i <= 0 ? null : i;
  }
}
