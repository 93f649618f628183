package io.github.infisicalci.jenkins.console;

import hudson.util.Secret;
import io.github.infisicalci.client.SecretValue;

/**
 * Keeps a value fetched from Infisical in a {@link Secret} (so that Pipeline saves it encrypted) such that it
 * always comes back literally.
 *
 * <p>{@link Secret#fromString(String)} first tries to <em>decrypt</em> its argument: a fetched value that
 * happens to be a valid encrypted blob of this controller (the {@code {…}} form, or the historical Base64
 * form) would come back as the text it decrypts to. Core offers no public way to build a {@code Secret}
 * from plain text without that attempt, so every value is sealed with a leading {@value #MARKER}, which is
 * neither {@code '{'} nor a Base64 character: both decryption paths of {@code Secret.decrypt} (Jenkins core
 * 2.568.1) then fail, and the text is kept as given. {@link #open(Secret)} removes the marker.
 */
public final class LiteralSecrets {
  /** Put before every sealed value; never the first character of an encrypted blob. */
  static final char MARKER = '!';

  private LiteralSecrets() {
  }

  /** A {@code Secret} whose plain text is {@code value} behind the marker, never a decryption of it. */
  public static Secret seal(SecretValue value) {
    return Secret.fromString(encode(value.reveal()));
  }

  /**
   * The value {@link #seal(SecretValue)} sealed.
   *
   * @throws IllegalStateException when {@code sealed} was not made by {@link #seal(SecretValue)}
   */
  public static SecretValue open(Secret sealed) {
    return SecretValue.of(decode(sealed.getPlainText()));
  }

  static String encode(String literal) {
    return MARKER + literal;
  }

  static String decode(String stored) {
    if (stored == null || stored.isEmpty() || stored.charAt(0) != MARKER) {
      throw new IllegalStateException("not a value sealed by LiteralSecrets");
    }
    return stored.substring(1);
  }
}
