package io.github.infisicalci.client.auth;

import io.github.infisicalci.client.SecretValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** Universal Auth: client id + client secret. */
final class UniversalAuth implements AuthMethod {
  private final String clientId;
  private final SecretValue clientSecret;

  UniversalAuth(String clientId, SecretValue clientSecret) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  @Override
  public String description() {
    return "universal auth (client id '" + clientId + "')";
  }

  @Override
  public AccessGrant authenticate(AuthTransport transport) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("clientId", clientId);
    body.put("clientSecret", clientSecret);
    return transport.login("/api/v1/auth/universal-auth/login", body, description());
  }

  @Override
  public String toString() {
    return description();
  }
}
