package io.github.infisicalci.mask;

import java.util.List;

/**
 * JSON string escaping as the common encoders do it. A style is which characters become {@code \\uXXXX}
 * and in which hex case; every style's output is also escaped once more in every style (JSON inside a
 * JSON string, the inner and the outer encoder being any two of them: Python's {@code ensure_ascii=False}
 * inside its default, a Node.js log line inside Docker's Go json-file log).
 */
final class JsonSpellings {
  /**
   * @param html characters written as {@code \\u00XX} besides the control characters
   * @param upper hex digits in upper case
   * @param asciiOnly every character above {@code ~} as {@code \\uXXXX} (UTF-16 units: surrogate pairs)
   * @param slash {@code /} written as {@code \/}
   */
  record Style(String html, boolean upper, boolean asciiOnly, boolean slash) {}

  /** Jackson, Newtonsoft (upper controls); JavaScript, Python {@code ensure_ascii=False} (lower). */
  static final Style MINIMAL_UPPER = new Style("", true, false, false);
  static final Style MINIMAL_LOWER = new Style("", false, false, false);
  static final List<Style> STYLES = List.of(
      MINIMAL_UPPER,
      MINIMAL_LOWER,
      new Style("", false, true, false),            // Python json.dumps
      new Style("", true, true, false),             // Jackson ESCAPE_NON_ASCII
      new Style("", false, true, true),             // PHP json_encode
      new Style("", false, false, true),            // PHP JSON_UNESCAPED_UNICODE
      new Style("<>&\u2028\u2029", false, false, false),       // Go encoding/json
      new Style("<>&='\u2028\u2029", false, false, false),     // Gson
      new Style("<>&'\"+`", true, true, false));    // .NET System.Text.Json

  private JsonSpellings() {}

  /** Characters some style escapes among the printable ASCII ones. */
  private static final String ESCAPED_BY_SOME_STYLE = "\"\\/<>&='+`";

  static void all(String value, PatternSink out) {
    if (plain(value)) {
      out.text(value); // every style, escaped once or twice, writes it as it is
      return;
    }
    for (Style inner : STYLES) {
      String once = escape(value, inner);
      out.text(once);
      for (Style outer : STYLES) {
        out.text(escape(once, outer)); // distinct pairs only cost: the masker drops duplicates
      }
    }
  }

  /** Whether no style escapes any character of {@code value} (printable ASCII, none of {@link #ESCAPED_BY_SOME_STYLE}). */
  static boolean plain(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e || ESCAPED_BY_SOME_STYLE.indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  static String escape(String value, Style style) {
    StringBuilder sb = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (style.html().indexOf(c) >= 0) {
        unicode(sb, c, style.upper());
        continue;
      }
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '/' -> sb.append(style.slash() ? "\\/" : "/");
        default -> {
          if (c < 0x20 || (style.asciiOnly() && c > 0x7e)) {
            unicode(sb, c, style.upper());
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  private static void unicode(StringBuilder sb, char c, boolean upper) {
    String hex = Integer.toHexString(0x10000 | c).substring(1);
    sb.append("\\u").append(upper ? hex.toUpperCase(java.util.Locale.ROOT) : hex);
  }
}
