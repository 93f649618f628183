package io.github.infisicalci.action;

import io.github.infisicalci.client.AuthenticationException;
import io.github.infisicalci.client.InfisicalConnectionException;
import io.github.infisicalci.client.InfisicalException;
import io.github.infisicalci.client.InvalidConfigurationException;
import io.github.infisicalci.client.NotFoundException;
import io.github.infisicalci.client.PermissionDeniedException;
import io.github.infisicalci.client.RequestContext;
import io.github.infisicalci.client.RetriesExhaustedException;

/**
 * The one error line for a failed fetch: the client's message in the action's words (the client's
 * {@code baseUrl} is the {@code domain} input), where it happened, the request id once, and the inputs
 * to look at.
 */
final class FailureReport {
  private FailureReport() {}

  static String describe(ActionSettings s, InfisicalException e) {
    String clientText = e.getMessage().replace("set baseUrl to", "set input 'domain' to")
        .replace("is baseUrl the", "is input 'domain' the").replace("baseUrl", "input 'domain'");
    // a service token has no machine identity and no project role: the client's identity hint is wrong there
    String message = s.login().serviceToken()
        ? clientText.replace("; give the machine identity a project role that may read it", "")
            .replace("Identity lacks", "The service token lacks")
        : clientText;
    RequestContext c = e.context();
    TargetSettings t = s.target();
    StringBuilder where = new StringBuilder();
    where.append("project '").append(c.project() != null ? c.project() : t.projectLabel()).append("'");
    where.append(", environment '").append(c.environment() != null ? c.environment() : t.environment()).append("'");
    where.append(c.path() != null ? ", path '" + c.path() + "'" : ", " + MainStep.pathsLabel(t.paths()));
    if (c.key() != null) {
      where.append(", key '").append(c.key()).append("'");
    }
    String status = e.status().isPresent() ? "HTTP " + e.status().getAsInt() + ", " : "";
    String req = e.reqId().filter(id -> !message.contains(id)).map(id -> ", request id " + id).orElse("");
    return "Infisical: " + message + " (" + status + where + req + "); " + inputsHint(s, e)
        + "; nothing was exported";
  }

  /** Which inputs the failure is about. */
  static String inputsHint(ActionSettings s, InfisicalException e) {
    LoginSettings login = s.login();
    boolean serviceToken = login.serviceToken();
    if (e instanceof AuthenticationException) { // also an unknown service token or identity (the client's 404s)
      if (serviceToken) {
        return "check input 'token' (or INFISICAL_TOKEN): the service token is unknown, expired or revoked";
      }
      return "check " + switch (login.method()) {
        case UNIVERSAL -> "inputs 'client-id' and 'client-secret' (and that Universal Auth is enabled for the identity)";
        case OIDC, JWT -> "input 'identity-id' and the identity's OIDC/JWT configuration (issuer, audience"
            + " 'oidc-audience', bound claims)";
        case KUBERNETES -> "inputs 'identity-id' and 'kubernetes-token-path'";
        case AWS_IAM -> "input 'identity-id' and the job's AWS credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,"
            + " AWS_SESSION_TOKEN or a web-identity role, AWS_REGION): the identity's AWS auth must allow their"
            + " account and ARN";
        case TOKEN -> "input 'token' (or INFISICAL_TOKEN): the access token is invalid, expired or revoked";
      };
    }
    if (e instanceof PermissionDeniedException) {
      return serviceToken
          ? "check inputs 'env-slug' and 'secret-path': a service token reads only the environment and folder"
              + " of its scope (and 'project-slug'/'project-id', which a service token does not need)"
          : "check inputs 'project-slug'/'project-id', 'env-slug' and 'secret-path', and the identity's project role";
    }
    if (e instanceof NotFoundException nf) {
      return switch (nf.kind()) {
        case PROJECT -> "check input " + (s.target().project() != null && s.target().project().isSlug()
            ? "'project-slug'" : "'project-id'");
        case ENVIRONMENT -> "check input 'env-slug' (or the environment .infisical.json chose)";
        case FOLDER -> "check input 'secret-path'";
        case SECRET -> "check inputs 'secrets'/'secret-name'";
      } + (e.getMessage().contains("no route") ? " and input 'domain'" : "");
    }
    if (e instanceof InfisicalConnectionException || e instanceof RetriesExhaustedException) {
      return "check inputs 'domain', 'proxy', 'ca-certificate', 'timeout' and 'retries'";
    }
    int code = e.status().orElse(0);
    return code == 407 ? "check input 'proxy'" : code >= 300 && code < 400 ? "check input 'domain'"
        : "check input 'domain' (the server answered with an error)";
  }

  /** The input a client configuration field comes from. */
  static String inputOf(String field) {
    String f = field.toLowerCase(java.util.Locale.ROOT);
    if (f.equals("baseurl")) {
      return "domain";
    }
    if (f.contains("proxy")) {
      return "proxy";
    }
    if (f.contains("header")) {
      return "extra-headers";
    }
    if (f.startsWith("ca")) {
      return "ca-certificate";
    }
    if (f.contains("token")) {
      return "token";
    }
    if (f.contains("identity")) {
      return "identity-id";
    }
    if (f.contains("client")) {
      return f.contains("secret") ? "client-secret" : "client-id";
    }
    if (f.contains("environment")) {
      return "env-slug";
    }
    if (f.contains("path")) {
      return "secret-path";
    }
    if (f.contains("project")) {
      return "project-slug";
    }
    return "timeout";
  }

  /** A client configuration message in the action's words: without the client's field name for the input. */
  static String inputMessage(InvalidConfigurationException e) {
    String m = e.getMessage();
    return m.startsWith(e.field() + " ") ? m.substring(e.field().length() + 1) : m.replace("baseUrl", "domain");
  }
}
