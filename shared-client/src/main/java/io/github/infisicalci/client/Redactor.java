package io.github.infisicalci.client;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that came from outside (server error bodies) before it reaches an
 * exception message or a log line: every secret this client has sent (tokens, client secrets, JWTs),
 * plus anything shaped like a JWT, a service token or a bearer credential.
 */
final class Redactor {
  static final String MASK = "****";
  private static final int MAX_KNOWN = 32;
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
  private static final Pattern SERVICE_TOKEN = Pattern.compile("st\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)?");
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+");

  private final Deque<SecretValue> known = new ConcurrentLinkedDeque<>();
  private final List<SecretValue> fixed;

  Redactor() {
    this(List.of());
  }

  /** {@code fixed}: secrets sent with every request (extra headers, proxy credentials), never forgotten. */
  Redactor(List<SecretValue> fixed) {
    this.fixed = fixed.stream().filter(s -> s != null && s.length() >= 4).toList();
  }

  /** Remembers a secret this client sends, so that an echo of it is masked. */
  void remember(SecretValue secret) {
    if (secret == null || secret.length() < 4) {
      return;
    }
    for (SecretValue k : known) {
      if (k.equals(secret)) {
        return;
      }
    }
    known.addFirst(secret);
    while (known.size() > MAX_KNOWN) {
      known.pollLast();
    }
  }

  String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    List<SecretValue> snapshot = new ArrayList<>(known);
    snapshot.addAll(fixed);
    snapshot.sort((a, b) -> Integer.compare(b.length(), a.length()));
    for (SecretValue s : snapshot) {
      String plain = s.reveal();
      if (out.contains(plain)) {
        out = out.replace(plain, MASK);
      }
    }
    out = JWT.matcher(out).replaceAll(MASK);
    out = SERVICE_TOKEN.matcher(out).replaceAll(MASK);
    out = BEARER.matcher(out).replaceAll("$1" + MASK);
    return out;
  }
}
