package io.github.infisicalci.client;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Sensitive text: a secret value, a client secret, a JWT or an access token.
 *
 * <p>The characters are kept in a private {@code char[]}; {@link #toString()} never reveals them, so a
 * value that ends up in a log line, an exception message or a debugger's summary shows {@code ****}.
 * Read the text only where it is needed with {@link #reveal()}, {@link #chars()} or {@link #utf8()}.
 * Instances are immutable and thread-safe.
 */
public final class SecretValue {
  private static final SecretValue EMPTY = new SecretValue(new char[0]);

  private final char[] chars;

  private SecretValue(char[] chars) {
    this.chars = chars;
  }

  /** Wraps a copy of {@code text}; {@code null} becomes the empty value. */
  public static SecretValue of(String text) {
    return text == null || text.isEmpty() ? EMPTY : new SecretValue(text.toCharArray());
  }

  /** Wraps a copy of {@code text}; the caller may wipe its own array afterwards. */
  public static SecretValue of(char[] text) {
    return text == null || text.length == 0 ? EMPTY : new SecretValue(text.clone());
  }

  /** The empty value. */
  public static SecretValue empty() {
    return EMPTY;
  }

  /** The text itself. Use at the last moment (an HTTP body, an environment variable). */
  public String reveal() {
    return new String(chars);
  }

  /** A copy of the characters; wipe it with {@code Arrays.fill(copy, '\0')} when done. */
  public char[] chars() {
    return chars.clone();
  }

  /** The UTF-8 encoding of the text, as a fresh array. */
  public byte[] utf8() {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    return bytes;
  }

  /** Number of UTF-16 characters. */
  public int length() {
    return chars.length;
  }

  public boolean isEmpty() {
    return chars.length == 0;
  }

  /** Compares in time that does not depend on where the texts first differ. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof SecretValue that)) {
      return false;
    }
    int diff = chars.length ^ that.chars.length;
    for (int i = 0; i < Math.max(chars.length, that.chars.length); i++) {
      char a = i < chars.length ? chars[i] : 0;
      char b = i < that.chars.length ? that.chars[i] : 0;
      diff |= a ^ b;
    }
    return diff == 0;
  }

  @Override
  public int hashCode() {
    return chars.length;
  }

  /** Always {@code ****}: the value is never rendered. */
  @Override
  public String toString() {
    return "****";
  }
}
