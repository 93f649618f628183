package io.github.infisicalci.client;

import io.github.infisicalci.client.auth.ServiceTokenScope;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a legacy service token implies for a request, and service-token wording of failures. With exactly
 * one scope without a glob the server itself replaces the request's environment, path and project by the
 * token's (it answered {@code environment=staging} with the token's {@code dev} secrets), so the client
 * takes them from the scope when they are left out and refuses a request for anything else, instead of
 * exporting another environment's secrets under the asked-for name.
 */
final class ServiceTokens {
  private ServiceTokens() {
  }

  /** The environment and paths to list. */
  record Effective(String environment, List<String> paths) {
  }

  static Effective effective(ServiceTokenScope token, String environment, List<String> paths) {
    List<ServiceTokenScope.Scope> scopes = token.scopes();
    ServiceTokenScope.Scope sole = scopes.size() == 1 && scopes.get(0).secretPath() != null
        && !scopes.get(0).secretPath().contains("*") ? scopes.get(0) : null;
    if (environment == null) {
      if (sole != null) {
        environment = sole.environment();
      } else {
        List<String> envs = scopes.stream().map(ServiceTokenScope.Scope::environment).distinct().toList();
        if (envs.size() != 1) {
          throw new InvalidConfigurationException("environment", "environment must be set: the service token's "
              + "scopes cover " + (envs.isEmpty() ? "no environment" : "several environments (" + describe(token) + ")"));
        }
        environment = envs.get(0);
      }
    }
    if (sole == null) {
      return new Effective(environment, paths);
    }
    String scopePath = SecretsRequestPaths.normalize(sole.secretPath());
    if (!environment.equals(sole.environment())) {
      throw new InvalidConfigurationException("environment", "the service token is scoped to environment '"
          + sole.environment() + "' path '" + scopePath + "' only; it cannot read environment '" + environment
          + "' (the server would answer with the token's own scope instead)");
    }
    if (paths.equals(List.of("/"))) {
      return new Effective(environment, List.of(scopePath)); // '/' is the default: the token's folder is meant
    }
    for (String p : paths) {
      if (!p.equals(scopePath)) {
        throw new InvalidConfigurationException("path", "the service token is scoped to environment '"
            + sole.environment() + "' path '" + scopePath + "' only; it cannot read path '" + p
            + "' (the server would answer with the token's own scope instead)");
      }
    }
    return new Effective(environment, paths);
  }

  /** {@code dev:/, prod:/app/*}. */
  static String describe(ServiceTokenScope token) {
    return token.scopes().stream().map(s -> s.environment() + ":" + s.secretPath()).collect(Collectors.joining(", "));
  }

  /**
   * A failure reworded for a service token: permission and token problems name the token's scopes instead
   * of machine-identity roles; a reference that points outside them says so.
   */
  static InfisicalException explain(InfisicalException e, ServiceTokenScope token) {
    ServerError server = new ServerError(e.status().isPresent() ? e.status().getAsInt() : null,
        e.errorCode().orElse(null), e.serverMessage().orElse(null), e.reqId().orElse(null));
    String said = e.serverMessage().map(m -> " (server: " + m + ")").orElse("");
    String req = e.reqId().map(id -> " [reqId " + id + "]").orElse("");
    String scopes = "its scopes: " + describe(token);
    if (e instanceof PermissionDeniedException) {
      if (References.isReferenceFailure(e)) {
        return new PermissionDeniedException("A secret reference (${...}) points outside what the service token may "
            + "read (" + scopes + ")" + said + req + "; references must stay inside the token's scopes, or fetch with "
            + "reference expansion off", e.context(), server, e);
      }
      return new PermissionDeniedException("The service token may not read " + Failures.describe(e.context()) + " ("
          + scopes + ")" + said + req + "; a service token reads only the environments and paths it was created for",
          e.context(), server, e);
    }
    if (e instanceof AuthenticationException) {
      return new AuthenticationException("The service token was rejected" + said + req + "; it is invalid, expired or "
          + "deleted: create a new one, or move to a machine identity", e.context(), server, e);
    }
    return e;
  }

  /** Path normalisation of {@link io.github.infisicalci.client.secrets.SecretsRequest}, tolerant of globs. */
  private static final class SecretsRequestPaths {
    static String normalize(String p) {
      try {
        return io.github.infisicalci.client.secrets.SecretsRequest.normalizePath(p);
      } catch (InvalidConfigurationException e) {
        return p;
      }
    }
  }
}
