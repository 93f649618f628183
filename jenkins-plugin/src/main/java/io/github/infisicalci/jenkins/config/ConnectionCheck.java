package io.github.infisicalci.jenkins.config;

import io.github.infisicalci.client.ClientConfig;
import io.github.infisicalci.client.InfisicalClient;
import io.github.infisicalci.client.InfisicalException;
import io.github.infisicalci.client.auth.AuthMethod;
import io.github.infisicalci.client.secrets.Project;
import io.github.infisicalci.client.secrets.Project.Environment;
import io.github.infisicalci.client.secrets.ProjectRef;
import java.util.List;

/**
 * What "Test Connection" does: log in, look the project up and, when an environment is given, check it
 * exists. The answer is one sentence without secrets.
 */
public final class ConnectionCheck {

  /**
   * The outcome.
   *
   * @param ok whether everything was found
   * @param message one sentence for the form
   */
  public record Result(boolean ok, String message) {
  }

  private ConnectionCheck() {
  }

  /** Runs the check; never throws for server-side problems (they become a failed result). */
  public static Result run(ClientConfig config, AuthMethod auth, ProjectRef project, String environment) {
    try (InfisicalClient client = InfisicalClient.create(config, auth)) {
      if (project == null) {
        client.accessToken();
        return new Result(true, "Logged in to " + config.baseUrl() + " (no project given to check)");
      }
      Project p = client.project(project);
      List<String> slugs = p.environments().stream().map(Environment::slug).toList();
      if (environment != null && !environment.isBlank() && !slugs.contains(environment.trim())) {
        return new Result(false, "Project '" + p.slug() + "' has no environment '" + environment.trim()
            + "'; it has: " + String.join(", ", slugs));
      }
      return new Result(true, "Connected: project '" + p.name() + "' (" + p.slug() + "), environments: "
          + String.join(", ", slugs));
    } catch (InfisicalException e) {
      return new Result(false, e.getMessage());
    }
  }
}
