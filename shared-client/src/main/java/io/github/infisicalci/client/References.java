package io.github.infisicalci.client;

import java.util.Locale;

/** Recognises the server's refusal to expand a secret reference the caller may not read. */
final class References {
  private References() {
  }

  /**
   * A 403 about reference expansion: the real server says "Failed to expand one or more secret references",
   * the dev server names the secret "which is referenced by" another.
   */
  static boolean isReferenceFailure(InfisicalException e) {
    return isReferenceFailure(e.status().orElse(0), e.serverMessage().orElse(null));
  }

  static boolean isReferenceFailure(int status, String serverMessage) {
    String m = serverMessage == null ? "" : serverMessage.toLowerCase(Locale.ROOT);
    return status == 403 && (m.contains("secret reference") || m.contains("referenced by"));
  }
}
