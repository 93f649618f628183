package io.github.infisicalci.mask;

/** Shell quoting: single quotes, bash's {@code $'…'}, and {@code $} doubled. */
final class ShellSpellings {
  private ShellSpellings() {}

  static void singleQuoted(String value, PatternSink out) {
    out.text(value.replace("'", "'\\''"));
    out.text(value.replace("'", "'\"'\"'"));
  }

  static void dollarDoubled(String value, PatternSink out) {
    out.text(value.replace("$", "$$"));
  }

  /**
   * What bash writes between {@code $'} and {@code '} ({@code printf %q}, {@code set -x} of a value with
   * a control character): backslash escapes for {@code \ '} and the C control characters, three octal
   * digits for the other control characters, everything else as is.
   */
  static void ansiC(String value, PatternSink out) {
    StringBuilder sb = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\'' -> sb.append("\\'");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        case 0x07 -> sb.append("\\a");
        case '\b' -> sb.append("\\b");
        case 0x1b -> sb.append("\\E");
        case '\f' -> sb.append("\\f");
        case 0x0b -> sb.append("\\v");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                .append((char) ('0' + (c & 7)));
          } else {
            sb.append(c);
          }
        }
      }
    }
    out.text(sb.toString());
  }
}
