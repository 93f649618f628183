package io.github.infisicalci.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.infisicalci.client.auth.AccessGrant;
import io.github.infisicalci.client.auth.AuthTransport;
import io.github.infisicalci.client.auth.ServiceTokenScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The client's side of {@link AuthTransport}: login and service-token calls through {@link Api}. */
final class LoginTransport implements AuthTransport {
  private final Api api;

  LoginTransport(Api api) {
    this.api = api;
  }

  @Override
  public AccessGrant login(String path, Map<String, Object> body, String description) {
    JsonNode answer = api.send(ApiCall.post(path).body(body).what("log in with " + description).build());
    return grant(answer, "log in with " + description);
  }

  /** Reads the four login fields (login and renew answer alike). */
  static AccessGrant grant(JsonNode answer, String what) {
    JsonNode token = answer == null ? null : answer.get("accessToken");
    if (token == null || !token.isTextual() || token.asText().isEmpty()) {
      throw new InfisicalException("The server's answer to '" + what + "' holds no accessToken", RequestContext.none());
    }
    if (!token.asText().chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new InfisicalException("The server's answer to '" + what + "' holds an accessToken with spaces, line breaks "
          + "or non-ASCII characters, which cannot be sent as a bearer token", RequestContext.none());
    }
    long expiresIn = answer.path("expiresIn").asLong(0);
    long maxTtl = answer.path("accessTokenMaxTTL").asLong(0);
    return new AccessGrant(SecretValue.of(token.asText()), Duration.ofSeconds(Math.max(0, expiresIn)),
        Duration.ofSeconds(Math.max(0, maxTtl)), true, Optional.empty());
  }

  @Override
  public ServiceTokenScope serviceTokenInfo(SecretValue serviceToken) {
    JsonNode answer;
    try {
      answer = api.send(ApiCall.get("/api/v2/service-token").bearer(serviceToken)
          .what("read the service token's project and scopes").build());
    } catch (RouteNotFoundException e) {
      throw e;
    } catch (NotFoundException e) {
      throw new AuthenticationException("The server does not know this service token" + e.serverMessage()
          .map(m -> " (server: " + m + ")").orElse("") + e.reqId().map(id -> " [reqId " + id + "]").orElse("")
          + "; it was deleted or belongs to another Infisical instance: create a new one, or move to a machine identity",
          RequestContext.none(), new ServerError(404, e.errorCode().orElse(null), e.serverMessage().orElse(null),
          e.reqId().orElse(null)), e);
    } catch (AuthenticationException | PermissionDeniedException e) {
      // 401 "Invalid service token", 403 "Service token has expired": the token is refused, not an identity
      throw new AuthenticationException("The service token was rejected" + e.serverMessage()
          .map(m -> " (server: " + m + ")").orElse("") + e.reqId().map(id -> " [reqId " + id + "]").orElse("")
          + "; it is invalid, expired or deleted: create a new one, or move to a machine identity",
          RequestContext.none(), new ServerError(e.status().isPresent() ? e.status().getAsInt() : null,
          e.errorCode().orElse(null), e.serverMessage().orElse(null), e.reqId().orElse(null)), e);
    }
    JsonNode data = answer.has("serviceTokenData") ? answer.get("serviceTokenData") : answer;
    String project = text(data, "workspace");
    if (project == null) {
      project = text(data, "projectId");
    }
    if (project == null) {
      throw new InfisicalException("The server's service-token information names no project (workspace)",
          RequestContext.none());
    }
    List<ServiceTokenScope.Scope> scopes = new ArrayList<>();
    for (JsonNode s : data.path("scopes")) {
      if (text(s, "environment") != null && !text(s, "environment").isBlank()) { // a scope names its environment
        scopes.add(new ServiceTokenScope.Scope(text(s, "environment"), text(s, "secretPath")));
      }
    }
    return new ServiceTokenScope(project, scopes);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isObject()) {
      JsonNode id = v.has("id") ? v.get("id") : v.get("_id");
      return id == null ? null : id.asText();
    }
    return v.asText();
  }
}
