package io.github.infisicalci.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.infisicalci.client.SecretValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Describes the claims of a JWT that decide whether Infisical accepts it ({@code sub}, {@code aud},
 * {@code repository}, {@code ref}); never the token or its signature.
 */
final class JwtClaims {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] SHOWN = {"sub", "aud", "repository", "ref", "exp", "iat"};

  private JwtClaims() {}

  static String describe(SecretValue jwt) {
    JsonNode claims = claims(jwt);
    if (claims == null) {
      return "the ID token is not a JWT";
    }
    StringBuilder out = new StringBuilder("ID token claims:");
    for (String name : SHOWN) {
      JsonNode value = claims.get(name);
      if (value == null && (name.equals("exp") || name.equals("iat"))) {
        continue;
      }
      out.append(' ').append(name).append('=')
          .append(value == null ? "(absent)" : value.isTextual() ? "'" + value.asText() + "'" : value.toString());
    }
    return out.toString();
  }

  /**
   * When the token's {@code exp} is not after {@code now}: a message with {@code exp} and {@code iat}
   * (as times and as the claims' numbers); empty for a token that has not expired or has no {@code exp}.
   */
  static Optional<String> expiry(SecretValue jwt, Instant now) {
    JsonNode claims = claims(jwt);
    if (claims == null || !claims.path("exp").canConvertToLong()) {
      return Optional.empty();
    }
    long exp = claims.path("exp").asLong();
    if (Instant.ofEpochSecond(exp).isAfter(now)) {
      return Optional.empty();
    }
    JsonNode iat = claims.path("iat");
    return Optional.of("the GitHub ID token had expired: exp=" + exp + " (" + Instant.ofEpochSecond(exp) + ")"
        + (iat.canConvertToLong() ? ", iat=" + iat.asLong() + " (" + Instant.ofEpochSecond(iat.asLong()) + ")" : "")
        + ", now " + now.getEpochSecond() + " (" + now + "); the runner's tokens live a few minutes: check the"
        + " runner's clock, or fetch secrets closer to the start of the job");
  }

  private static JsonNode claims(SecretValue jwt) {
    String[] parts = jwt.reveal().split("\\.");
    if (parts.length < 2) {
      return null;
    }
    try {
      JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      return claims != null && claims.isObject() ? claims : null;
    } catch (Exception e) {
      return null;
    }
  }
}
