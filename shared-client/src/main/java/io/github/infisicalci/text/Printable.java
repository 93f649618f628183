package io.github.infisicalci.text;

/**
 * The one rule for showing text that a user, a repository or a server supplied (an input, a key or
 * variable name, a path, a server's message; never a secret value) inside a message, so that it cannot
 * forge or split a log line, hide characters, or look like another name. A code point that is not shown
 * as itself is written {@code <U+XXXX>} (four to six hex digits), in both front ends and every module.
 *
 * <ul>
 *   <li>{@link #quote} is for a value quoted in a message ({@code key 'X' ...}): only printable ASCII
 *       (space to {@code ~}) is shown as itself, so controls, line breaks, every Unicode space, invisible
 *       format characters and look-alike letters are all visible; at most {@value #MAX_QUOTED} code
 *       points are shown, then how many more there were.
 *   <li>{@link #line} is for a whole line of text that may mix such values with prose in any language:
 *       letters, marks, numbers, punctuation and symbols of every script are kept, and the ASCII space is
 *       the only white space left.
 * </ul>
 */
public final class Printable {
  /** How many code points {@link #quote} shows at most. */
  public static final int MAX_QUOTED = 200;

  private Printable() {
  }

  /**
   * {@code text} for quoting in a message: printable ASCII as itself, every other code point as
   * {@code <U+XXXX>}; longer than {@value #MAX_QUOTED} code points, cut there with {@code …(N more)};
   * {@code null} as the empty string.
   */
  public static String quote(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_QUOTED) + 8);
    int shown = 0;
    int total = text.codePointCount(0, text.length());
    for (int i = 0; i < text.length() && shown < MAX_QUOTED; shown++) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp >= 0x20 && cp < 0x7f) {
        out.append((char) cp);
      } else {
        escape(out, cp);
      }
    }
    if (total > MAX_QUOTED) {
      out.append("…(").append(total - MAX_QUOTED).append(" more)");
    }
    return out.toString();
  }

  /**
   * {@code text} as one line: every code point that is not a letter, mark, number, punctuation, symbol
   * or the ASCII space as {@code <U+XXXX>} (controls, CR, LF, NEL, tab, every other space, line and
   * paragraph separators, format characters such as bidi overrides and zero-width ones, lone surrogates,
   * private-use and unassigned code points); no length limit.
   */
  public static String line(String text) {
    return line(text, false);
  }

  /**
   * As {@link #line(String)}; with {@code keepLineBreaks}, CR and LF stay as they are, for a caller that
   * encodes them itself (GitHub workflow-command data).
   */
  public static String line(String text, boolean keepLineBreaks) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      if (cp == ' ' || (keepLineBreaks && (cp == '\r' || cp == '\n')) || isShown(cp)) {
        out.appendCodePoint(cp);
      } else {
        escape(out, cp);
      }
    });
    return out.toString();
  }

  /** Whether {@link #line} shows {@code codePoint} as itself: a letter, mark, number, punctuation or symbol. */
  public static boolean isShown(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.CONNECTOR_PUNCTUATION,
          Character.OTHER_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
      default -> false;
    };
  }

  private static void escape(StringBuilder out, int cp) {
    String hex = Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT);
    out.append("<U+");
    for (int pad = hex.length(); pad < 4; pad++) {
      out.append('0');
    }
    out.append(hex).append('>');
  }
}
