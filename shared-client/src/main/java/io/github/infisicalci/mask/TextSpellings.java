package io.github.infisicalci.mask;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The value as text: itself, trimmed, line by line, in hexadecimal. */
final class TextSpellings {
  private static final byte[] LOWER = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] UPPER = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  /** White space and punctuation at either end of a line ({@code   "null",} → {@code null}). */
  private static final Pattern AROUND_A_WORD = Pattern.compile("^[\\s\\p{Punct}]+|[\\s\\p{Punct}]+$");

  private TextSpellings() {}

  static void raw(String value, PatternSink out) {
    out.text(value);
  }

  static void trimmed(String value, PatternSink out) {
    String stripped = value.strip();
    if (!stripped.isEmpty() && !stripped.equals(value)) {
      out.text(stripped);
    }
  }

  static void lines(String value, PatternSink out) {
    if (value.indexOf('\n') < 0) {
      return;
    }
    for (String line : value.split("\n", -1)) {
      String stripped = line.strip();
      if (carriesInformation(stripped, out.minLength())) {
        out.text(stripped);
      } else if (!stripped.isEmpty()) {
        out.droppedLine();
      }
    }
  }

  /**
   * At least {@code minLength} UTF-8 bytes, at least one letter or digit, and not a bare JSON/YAML literal
   * ({@code true}, {@code false}, {@code null}, with the punctuation around it): such a line of a JSON
   * array secret would mask that word everywhere.
   */
  static boolean carriesInformation(String line, int minLength) {
    if (line.getBytes(StandardCharsets.UTF_8).length < minLength) {
      return false;
    }
    if (!line.codePoints().anyMatch(Character::isLetterOrDigit)) {
      return false;
    }
    String word = AROUND_A_WORD.matcher(line).replaceAll("");
    return !(word.equals("true") || word.equals("false") || word.equals("null"));
  }

  static void hex(String value, PatternSink out) {
    byte[] raw = value.getBytes(StandardCharsets.UTF_8);
    out.fragment(hex(raw, LOWER));
    out.fragment(hex(raw, UPPER));
  }

  private static byte[] hex(byte[] raw, byte[] digits) {
    byte[] hex = new byte[2 * raw.length];
    for (int i = 0; i < raw.length; i++) {
      hex[2 * i] = digits[(raw[i] >> 4) & 0xf];
      hex[2 * i + 1] = digits[raw[i] & 0xf];
    }
    return hex;
  }
}
