package io.github.infisicalci.client;

import io.github.infisicalci.client.secrets.Project;
import io.github.infisicalci.client.secrets.ProjectRef;
import java.util.function.Function;

/**
 * Explains an empty or not-found listing (a real server answers an unknown environment or folder with 200
 * and an empty list): looks the project and its environments up, and the folder in its parent, only then.
 */
final class FolderDiagnosis {
  /** Runs a call with the client's token, logging in again once when it is rejected. */
  interface Authorized {
    <T> T call(Function<SecretValue, T> call);
  }

  private final Api api;
  private final ProjectLookup projects;
  private final Authorized authorized;

  FolderDiagnosis(Api api, ProjectLookup projects, Authorized authorized) {
    this.api = api;
    this.projects = projects;
    this.authorized = authorized;
  }

  /**
   * Throws {@link NotFoundException} of kind ENVIRONMENT or FOLDER when one of them does not exist (PROJECT
   * when the project is unknown); returns when both exist or cannot be checked.
   *
   * @param label the project as the user named it, for messages
   */
  void explain(ProjectRef ref, String label, String environment, String path, NotFoundException cause) {
    Project project;
    try {
      project = authorized.call(token -> projects.get(ref, token));
    } catch (NotFoundException e) {
      if (e instanceof RouteNotFoundException) {
        api.log("Cannot check environment and folder (no project route on this server)");
        return;
      }
      throw e; // the project itself is unknown
    } catch (InfisicalException e) {
      api.log("Cannot check environment and folder (" + e.getClass().getSimpleName() + ")");
      return;
    }
    RequestContext ctx = new RequestContext(label, environment, path, null);
    if (!project.environments().isEmpty() && project.environment(environment).isEmpty()) {
      throw new NotFoundException(NotFoundException.Kind.ENVIRONMENT, "Environment '" + environment
          + "' does not exist in project '" + label + "' (available: "
          + String.join(", ", project.environmentSlugs()) + ")", ctx, ServerError.NONE, cause);
    }
    if (path.equals("/")) {
      return;
    }
    Boolean exists;
    String projectId = project.id();
    try {
      exists = authorized.call(token -> projects.folderExists(token, projectId, environment, path, ctx));
    } catch (InfisicalException e) {
      api.log("Cannot check folder " + path + " (" + e.getClass().getSimpleName() + ")");
      return;
    }
    if (Boolean.FALSE.equals(exists)) {
      throw new NotFoundException(NotFoundException.Kind.FOLDER, "Folder '" + path + "' not found in environment '"
          + environment + "' of project '" + label + "'", ctx, ServerError.NONE, cause);
    }
  }
}
