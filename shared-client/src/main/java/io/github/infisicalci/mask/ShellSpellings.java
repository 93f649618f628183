package io.github.infisicalci.mask;

import java.nio.charset.StandardCharsets;

/**
 * Shell quoting: single quotes, bash's {@code $'…'}, backslashes ({@code printf %q}), double quotes
 * ({@code declare -p}), and {@code $} doubled.
 */
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
    out.text(ansiC(value, false));
    out.text(ansiC(value, true)); // bash in the C/POSIX locale (the same for ASCII: duplicates are dropped)
  }

  /**
   * {@code $'…'} contents; {@code cLocale}: every non-ASCII character as the octal of its UTF-8 bytes,
   * otherwise only those bash does not print in a UTF-8 locale (C1 controls, U+2028, U+2029).
   */
  static String ansiC(String value, boolean cLocale) {
    StringBuilder sb = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 0x80 && (cLocale || printedInAnsiC(c))) {
        int end = Character.isHighSurrogate(c) && i + 1 < value.length() ? i + 2 : i + 1;
        for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          octal(sb, b & 0xff);
        }
        i = end - 1;
        continue;
      }
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
            octal(sb, c);
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /**
   * Whether bash in a UTF-8 locale cannot print {@code c} as is, so that {@code printf %q} writes the whole
   * word in {@code $'…'}: control characters, DEL, C1 controls, U+2028 and U+2029.
   */
  private static boolean printedInAnsiC(char c) {
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029;
  }

  private static void octal(StringBuilder sb, int b) {
    sb.append('\\').append((char) ('0' + (b >> 6))).append((char) ('0' + ((b >> 3) & 7)))
        .append((char) ('0' + (b & 7)));
  }

  /** Characters bash's {@code printf %q} writes after a backslash wherever they are. */
  static final String BACKSLASHED = " !\"$&'()*,;<>?[\\]^`{|}";

  /**
   * bash's {@code printf %q} of a value without control characters: a backslash before each of
   * {@link #BACKSLASHED}, before {@code ~} after {@code =} or {@code :}, and before a leading {@code ~}
   * or {@code #}, which is written both ways (escaped when the value starts the word, not when it
   * follows other text of the word).
   */
  static void backslashed(String value, PatternSink out) {
    StringBuilder sb = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (printedInAnsiC(c)) {
        return; // bash writes the whole word in $'…' instead: SHELL_ANSI_C
      }
      boolean tilde = c == '~' && (i == 0 || value.charAt(i - 1) == '=' || value.charAt(i - 1) == ':');
      if (BACKSLASHED.indexOf(c) >= 0 || tilde || (c == '#' && i == 0)) {
        sb.append('\\');
      }
      sb.append(c);
    }
    out.text(sb.toString());
    if (!value.isEmpty() && (value.charAt(0) == '~' || value.charAt(0) == '#')) {
      out.text(sb.substring(1));
    }
  }

  /**
   * Inside double quotes as bash's {@code declare -p} and {@code export -p} write a value without
   * control characters: a backslash before each of {@code \ " $ `} ({@code !} is left as is).
   */
  static void doubleQuoted(String value, PatternSink out) {
    StringBuilder sb = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '"' || c == '$' || c == '`') {
        sb.append('\\');
      }
      sb.append(c);
    }
    out.text(sb.toString());
  }
}
