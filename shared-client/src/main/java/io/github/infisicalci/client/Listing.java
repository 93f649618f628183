package io.github.infisicalci.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One folder's listing as the server sent it: local secrets and import entries (in position order), and the
 * project id its local rows name ({@code workspace}; null when none does).
 */
record Listing(List<Raw> secrets, List<ImportEntry> imports, String projectId) {

  /** A secret as listed. */
  record Raw(String key, SecretValue value, boolean personal, String environment, String secretPath) {
  }

  /** One import entry: the source folder and its secrets (own secrets first, then nested imports). */
  record ImportEntry(String environment, String secretPath, List<Raw> secrets) {
  }

  boolean isEmpty() {
    return secrets.isEmpty() && imports.stream().allMatch(i -> i.secrets().isEmpty());
  }

  static Listing parse(JsonNode body, RequestContext ctx) {
    if (body == null || !body.isObject() || !body.path("secrets").isArray()) {
      throw new InfisicalConnectionException("The server's answer to a secrets listing holds no secrets list; "
          + "is the configured server address that of an Infisical server?", ctx);
    }
    List<Raw> secrets = raws(body.path("secrets"));
    List<ImportEntry> imports = new ArrayList<>();
    for (JsonNode imp : body.path("imports")) {
      imports.add(new ImportEntry(imp.path("environment").asText(null), imp.path("secretPath").asText(null),
          raws(imp.path("secrets"))));
    }
    String projectId = null;
    for (JsonNode s : body.path("secrets")) {
      String w = s.path("workspace").asText("");
      if (!w.isBlank()) {
        projectId = w;
        break;
      }
    }
    return new Listing(secrets, imports, projectId);
  }

  static Raw raw(JsonNode s) {
    return new Raw(s.path("secretKey").asText(null), SecretValue.of(s.path("secretValue").asText("")),
        "personal".equals(s.path("type").asText(null)), s.path("environment").asText(null),
        s.path("secretPath").asText(null));
  }

  private static List<Raw> raws(JsonNode array) {
    List<Raw> out = new ArrayList<>();
    for (JsonNode s : array) {
      if (s.hasNonNull("secretKey")) {
        out.add(raw(s));
      }
    }
    return out;
  }
}
