package io.github.infisicalci.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.infisicalci.client.SecretValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Describes the claims of a JWT that decide whether Infisical accepts it ({@code sub}, {@code aud},
 * {@code repository}, {@code ref}); never the token or its signature.
 */
final class JwtClaims {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] SHOWN = {"sub", "aud", "repository", "ref"};

  private JwtClaims() {}

  static String describe(SecretValue jwt) {
    String[] parts = jwt.reveal().split("\\.");
    if (parts.length < 2) {
      return "the ID token is not a JWT";
    }
    JsonNode claims;
    try {
      claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    } catch (Exception e) {
      return "the ID token's claims could not be read";
    }
    StringBuilder out = new StringBuilder("ID token claims:");
    for (String name : SHOWN) {
      JsonNode value = claims == null ? null : claims.get(name);
      out.append(' ').append(name).append('=')
          .append(value == null ? "(absent)" : value.isTextual() ? "'" + value.asText() + "'" : value.toString());
    }
    return out.toString();
  }
}
