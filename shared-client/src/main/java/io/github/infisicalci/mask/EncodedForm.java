package io.github.infisicalci.mask;

/**
 * A way a secret value can show up in a log besides its plain text. Each form a {@link Masker} is built
 * with turns every secret into byte patterns (UTF-8) that are masked wherever they occur. Every spelling
 * listed here comes from a real tool's output format; {@code docs/masking.md} in the project lists the
 * tools and what is not covered.
 */
public enum EncodedForm {
  /** The value itself. */
  RAW(TextSpellings::raw),
  /** The value without its leading and trailing white space (as a shell prints it after word splitting). */
  TRIMMED(TextSpellings::trimmed),
  /**
   * Each line of a multi-line value on its own (split at LF, a trailing CR dropped, white space trimmed).
   * Lines that carry no information (blank, punctuation only, or below the minimum length) are not
   * patterns: the secret's name is listed by {@link Masker#partlyMaskedNames()}.
   */
  LINES(TextSpellings::lines),
  /**
   * Standard Base64 ({@code +/}): for each of the three byte alignments the part of the encoding that
   * depends on the secret alone, so the secret is found inside any encoded text, padded or not.
   */
  BASE64(Base64Spellings::standard),
  /** As {@link #BASE64} with the URL-safe alphabet ({@code -_}). */
  BASE64_URL(Base64Spellings::urlSafe),
  /**
   * Standard Base64 wrapped in lines at a width that is a multiple of 4, at any offset ({@code base64} CLI
   * and MIME at 76 columns, PEM at 64): every run of at least {@link Base64Spellings#WINDOW} characters of
   * the secret's encoding between two line breaks, and the shorter pieces that end or start a line at the
   * secret's edges.
   */
  BASE64_WRAPPED(Base64Spellings::wrapped),
  /** Base64 (three alignments) of the value in UTF-16LE, as PowerShell's {@code -EncodedCommand}. */
  BASE64_UTF16LE(Base64Spellings::utf16le),
  /** The UTF-8 bytes in hexadecimal, lower and upper case ({@code xxd -p}, {@code od}, byte dumps). */
  HEX(TextSpellings::hex),
  /**
   * The text between the quotes of a JSON string as common encoders write it: minimal escaping (upper or
   * lower case {@code \\u00XX} for control characters), {@code \/} (PHP), HTML-safe {@code \\u003c \\u003e
   * \\u0026 \\u0027 \\u003d \\u002B} (Go, Gson, .NET), every non-ASCII character as {@code \\uXXXX} in
   * either case with surrogate pairs (Jackson {@code ESCAPE_NON_ASCII}, Python, PHP, .NET), and each of
   * these escaped once more in any of these styles (JSON inside a JSON string).
   */
  JSON(JsonSpellings::all),
  /**
   * Percent-encoded as URL encoders write it, hex digits in upper or lower case: form encoding with
   * {@code +} for a space (Java, WHATWG, Python {@code quote_plus}, Go {@code QueryEscape}, PHP
   * {@code urlencode}), RFC 3986 ({@code %20}), JavaScript {@code encodeURIComponent} and Python
   * {@code quote} (which keeps {@code /}).
   */
  URL(UrlSpellings::all),
  /** Inside a POSIX shell single-quoted word: each {@code '} written as {@code '\''} or {@code '"'"'}. */
  SHELL_SINGLE_QUOTE(ShellSpellings::singleQuoted),
  /**
   * Inside bash's {@code $'…'} quoting, as {@code printf %q}, {@code declare -p} and {@code set -x} print
   * a value with a control character (and, in the C locale, any non-ASCII one, as octal bytes).
   */
  SHELL_ANSI_C(ShellSpellings::ansiC),
  /**
   * Backslash-escaped as bash's {@code printf %q} writes a value without control characters:
   * {@code p@ss\ w0rd}, {@code Tr0ub4dor\&3}.
   */
  SHELL_BACKSLASH(ShellSpellings::backslashed),
  /**
   * Inside double quotes with {@code \ " $ `} backslash-escaped, as bash's {@code declare -p} and
   * {@code export -p} write a value without control characters.
   */
  SHELL_DOUBLE_QUOTE(ShellSpellings::doubleQuoted),
  /** Each {@code $} doubled, as Make, Compose and Jenkins parameter escaping write it. */
  DOLLAR_DOUBLED(ShellSpellings::dollarDoubled);

  private final Spelling spelling;

  EncodedForm(Spelling spelling) {
    this.spelling = spelling;
  }

  Spelling spelling() {
    return spelling;
  }
}
