package io.github.infisicalci.jenkins.auth;

import java.util.Locale;
import java.util.Objects;

/**
 * Identifies one cached login: the server, the Jenkins credentials id and a fingerprint of the
 * credential's content (so an edited credential never reuses an old token).
 *
 * @param serverUrl base URL, normalised (lower-case scheme and host, no trailing slash or {@code /api})
 * @param credentialsId Jenkins credentials id
 * @param fingerprint content fingerprint (see {@code CredentialMaterial#fingerprint()})
 */
public record TokenCacheKey(String serverUrl, String credentialsId, String fingerprint) {

  /** Normalises the URL; all parts are required. */
  public TokenCacheKey {
    serverUrl = normalize(Objects.requireNonNull(serverUrl, "serverUrl"));
    Objects.requireNonNull(credentialsId, "credentialsId");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  static String normalize(String url) {
    String u = url.trim();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    if (u.endsWith("/api")) {
      u = u.substring(0, u.length() - 4);
    }
    int scheme = u.indexOf("://");
    if (scheme > 0) {
      int pathStart = u.indexOf('/', scheme + 3);
      String head = pathStart < 0 ? u : u.substring(0, pathStart);
      String tail = pathStart < 0 ? "" : u.substring(pathStart);
      u = head.toLowerCase(Locale.ROOT) + tail;
    }
    return u;
  }
}
