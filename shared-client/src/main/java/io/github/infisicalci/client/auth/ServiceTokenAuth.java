package io.github.infisicalci.client.auth;

import io.github.infisicalci.client.InvalidConfigurationException;
import io.github.infisicalci.client.SecretValue;
import java.time.Duration;
import java.util.Optional;

/**
 * A legacy service token {@code st.<id>.<secret>[.<key>]}. The bearer is the first three parts; the
 * project and scopes come from {@code GET /api/v2/service-token}.
 */
final class ServiceTokenAuth implements AuthMethod {
  private final String tokenId;
  private final SecretValue bearer;

  private ServiceTokenAuth(String tokenId, SecretValue bearer) {
    this.tokenId = tokenId;
    this.bearer = bearer;
  }

  static ServiceTokenAuth parse(SecretValue token) {
    String text = token.reveal();
    String[] parts = text.split("\\.", -1);
    if (parts.length < 3 || parts.length > 4 || !parts[0].equals("st")) {
      throw new InvalidConfigurationException("token",
          "service token must look like st.<id>.<secret> or st.<id>.<secret>.<key> (" + parts.length + " parts found)");
    }
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].isEmpty() || !parts[i].chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        throw new InvalidConfigurationException("token", "service token part " + (i + 1)
            + " is empty or contains spaces or non-ASCII characters");
      }
    }
    String bearer = parts[0] + "." + parts[1] + "." + parts[2];
    return new ServiceTokenAuth(parts[1], SecretValue.of(bearer));
  }

  @Override
  public String description() {
    return "service token (id '" + tokenId + "')";
  }

  @Override
  public AccessGrant authenticate(AuthTransport transport) {
    ServiceTokenScope scope = transport.serviceTokenInfo(bearer);
    return new AccessGrant(bearer, Duration.ZERO, Duration.ZERO, false, Optional.of(scope));
  }

  @Override
  public boolean canLogIn() {
    return false;
  }

  @Override
  public boolean isServiceToken() {
    return true;
  }

  @Override
  public String toString() {
    return description();
  }
}
