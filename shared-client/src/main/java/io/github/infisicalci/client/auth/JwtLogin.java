package io.github.infisicalci.client.auth;

import io.github.infisicalci.client.AuthenticationException;
import io.github.infisicalci.client.RequestContext;
import io.github.infisicalci.client.SecretValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The logins that send an identity id and a JWT: OIDC, JWT and Kubernetes auth. */
final class JwtLogin implements AuthMethod {
  private final String kind;
  private final String path;
  private final String identityId;
  private final Supplier<SecretValue> jwt;
  private final String source;

  JwtLogin(String kind, String path, String identityId, Supplier<SecretValue> jwt, String source) {
    this.kind = kind;
    this.path = path;
    this.identityId = identityId;
    this.jwt = jwt;
    this.source = source;
  }

  @Override
  public String description() {
    return kind + " (identity '" + identityId + "')";
  }

  @Override
  public AccessGrant authenticate(AuthTransport transport) {
    // A supplier's own failure propagates unchanged: its message says what to fix (e.g. the job's
    // id-token permission) and is the supplier's responsibility to keep free of tokens.
    SecretValue token = jwt.get();
    if (token == null || token.isEmpty()) {
      throw new AuthenticationException("Cannot log in with " + description() + ": the " + source
          + " is empty", RequestContext.none());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("identityId", identityId);
    body.put("jwt", token);
    return transport.login(path, body, description());
  }

  @Override
  public String toString() {
    return description();
  }
}
