package io.github.infisicalci.client.auth;

import io.github.infisicalci.client.SecretValue;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a login. {@link #toString()} shows the token as {@code ****}.
 *
 * @param accessToken the bearer token
 * @param expiresIn lifetime from now; {@link Duration#ZERO} = never expires
 * @param maxTtl longest lifetime reachable by renewals; {@link Duration#ZERO} = no maximum
 * @param renewable whether {@code /api/v1/auth/token/renew} and {@code /revoke} apply (identity logins)
 * @param serviceToken the project and scopes of a legacy service token, when the token is one
 */
public record AccessGrant(SecretValue accessToken, Duration expiresIn, Duration maxTtl, boolean renewable,
    Optional<ServiceTokenScope> serviceToken) {

  /** Requires a token; null durations become zero. */
  public AccessGrant {
    Objects.requireNonNull(accessToken, "accessToken");
    expiresIn = expiresIn == null || expiresIn.isNegative() ? Duration.ZERO : expiresIn;
    maxTtl = maxTtl == null || maxTtl.isNegative() ? Duration.ZERO : maxTtl;
    serviceToken = serviceToken == null ? Optional.empty() : serviceToken;
  }

  /** A token used as given: never expires from the client's point of view, not renewable. */
  public static AccessGrant fixed(SecretValue token) {
    return new AccessGrant(token, Duration.ZERO, Duration.ZERO, false, Optional.empty());
  }
}
