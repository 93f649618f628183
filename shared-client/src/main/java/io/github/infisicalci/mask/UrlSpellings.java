package io.github.infisicalci.mask;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Percent-encoding as the common URL encoders do it, each with upper and lower case hex digits. */
final class UrlSpellings {
  /**
   * @param safe characters besides ASCII letters and digits written as they are
   * @param plus a space written as {@code +}
   */
  record Style(String safe, boolean plus) {}

  static final List<Style> STYLES = List.of(
      new Style("-_.*", true),        // Java URLEncoder, WHATWG form encoding
      new Style("-_.~", false),       // RFC 3986: PHP rawurlencode, .NET EscapeDataString
      new Style("-_.!~*'()", false),  // JavaScript encodeURIComponent
      new Style("-_.~/", false),      // Python quote
      new Style("-_.~", true),        // Python quote_plus, Go QueryEscape
      new Style("-_.", true));        // PHP urlencode

  private UrlSpellings() {}

  static void all(String value, PatternSink out) {
    if (plain(value)) {
      out.text(value); // every style, in either hex case, writes it as it is
      return;
    }
    for (Style style : STYLES) {
      out.text(encode(value, style, true));
      out.text(encode(value, style, false));
    }
  }

  /** Whether every style keeps {@code value} as it is: ASCII letters, digits and {@code -_.} only. */
  static boolean plain(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
          || c == '.')) {
        return false;
      }
    }
    return true;
  }

  static String encode(String value, Style style, boolean upper) {
    String digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    StringBuilder sb = new StringBuilder(value.length() * 3);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      // the safe sets are ASCII: no byte of a multi-byte character is in one
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || style.safe().indexOf(c) >= 0) {
        sb.append((char) c);
      } else if (c == ' ' && style.plus()) {
        sb.append('+');
      } else {
        sb.append('%').append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xf));
      }
    }
    return sb.toString();
  }
}
