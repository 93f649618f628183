package io.github.infisicalci.client.auth;

import io.github.infisicalci.client.SecretValue;
import java.util.Map;

/**
 * The HTTP exchanges an {@link AuthMethod} may need; supplied by the client (with its retries, TLS,
 * proxy and error mapping). Failures are thrown as {@link io.github.infisicalci.client.InfisicalException}s.
 */
public interface AuthTransport {

  /**
   * POSTs a login body (no Authorization header) to {@code path}, e.g. {@code /api/v1/auth/universal-auth/login}.
   * Body values are {@link String}s or {@link SecretValue}s (revealed only into the request body).
   */
  AccessGrant login(String path, Map<String, Object> body, String description);

  /** Asks the server ({@code GET /api/v2/service-token}) which project and scopes a service token has. */
  ServiceTokenScope serviceTokenInfo(SecretValue serviceToken);
}
