package io.github.infisicalci.mask;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** Turns one secret value into the byte patterns of the requested {@link EncodedForm}s. */
final class PatternGenerator {
  private PatternGenerator() {}

  /**
   * All patterns of {@code value} for {@code forms}, possibly with duplicates, each at least
   * {@code minLength} bytes long (shorter ones are dropped: they would mask ordinary text).
   */
  static List<byte[]> patterns(String value, Set<EncodedForm> forms, int minLength) {
    List<byte[]> out = new ArrayList<>();
    byte[] raw = value.getBytes(StandardCharsets.UTF_8);
    for (EncodedForm form : forms) {
      switch (form) {
        case RAW -> out.add(raw.clone());
        case LINES -> lines(value, out);
        case BASE64 -> base64Fragments(raw, Base64.getEncoder(), out);
        case BASE64_URL -> base64Fragments(raw, Base64.getUrlEncoder(), out);
        case JSON -> json(value, out);
        case URL -> url(value, out);
        case SHELL_SINGLE_QUOTE -> {
          out.add(utf8(value.replace("'", "'\\''")));
          out.add(utf8(value.replace("'", "'\"'\"'")));
        }
        case DOLLAR_DOUBLED -> out.add(utf8(value.replace("$", "$$")));
      }
    }
    out.removeIf(p -> p.length < minLength);
    return out;
  }

  private static void lines(String value, List<byte[]> out) {
    if (value.indexOf('\n') < 0) {
      return;
    }
    for (String line : value.split("\n", -1)) {
      out.add(utf8(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line));
    }
  }

  /**
   * For the secret starting at byte offset {@code a} (mod 3) of the encoded data, the characters whose
   * six bits all come from the secret; then the same run extended to the end of the encoding when the
   * secret ends the data (unpadded and padded).
   */
  static void base64Fragments(byte[] raw, Base64.Encoder encoder, List<byte[]> out) {
    int n = raw.length;
    for (int a = 0; a < 3; a++) {
      byte[] data = new byte[a + n];
      System.arraycopy(raw, 0, data, a, n);
      byte[] padded = encoder.encode(data);
      byte[] unpadded = encoder.withoutPadding().encode(data);
      int first = (8 * a + 5) / 6;
      int endExclusive = (8 * (a + n)) / 6;
      if (endExclusive > first) {
        out.add(slice(unpadded, first, endExclusive));
      }
      if (unpadded.length > first) {
        out.add(slice(unpadded, first, unpadded.length));
        out.add(slice(padded, first, padded.length));
      }
    }
  }

  private static void json(String value, List<byte[]> out) {
    out.add(utf8(new String(JsonStringEncoder.getInstance().quoteAsString(value))));
    StringBuilder ascii = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> ascii.append("\\\"");
        case '\\' -> ascii.append("\\\\");
        case '\n' -> ascii.append("\\n");
        case '\r' -> ascii.append("\\r");
        case '\t' -> ascii.append("\\t");
        case '\b' -> ascii.append("\\b");
        case '\f' -> ascii.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            ascii.append(String.format("\\u%04x", (int) c));
          } else {
            ascii.append(c);
          }
        }
      }
    }
    out.add(utf8(ascii.toString()));
  }

  private static void url(String value, List<byte[]> out) {
    String form = URLEncoder.encode(value, StandardCharsets.UTF_8);
    out.add(utf8(form));
    out.add(utf8(form.replace("+", "%20").replace("*", "%2A").replace("%7E", "~")));
  }

  private static byte[] slice(byte[] bytes, int from, int to) {
    byte[] s = new byte[to - from];
    System.arraycopy(bytes, from, s, 0, s.length);
    return s;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
