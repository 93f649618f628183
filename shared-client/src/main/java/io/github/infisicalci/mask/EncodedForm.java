package io.github.infisicalci.mask;

/**
 * A way a secret value can show up in a log besides its plain text. Each form a {@link Masker} is built
 * with turns every secret into one or more byte patterns (UTF-8) that are masked wherever they occur.
 */
public enum EncodedForm {
  /** The value itself. */
  RAW,
  /** Each line of a multi-line value on its own (split at LF, a trailing CR is dropped). */
  LINES,
  /**
   * Standard Base64 ({@code +/}): for each of the three byte alignments the part of the encoding that
   * depends on the secret alone, so the secret is found inside any encoded text, padded or not.
   */
  BASE64,
  /** As {@link #BASE64} with the URL-safe alphabet ({@code -_}). */
  BASE64_URL,
  /** The text between the quotes of a JSON string (minimal escaping, and the ASCII-only escaping). */
  JSON,
  /** Percent-encoded, as in a form ({@code +} for space) and as in RFC 3986 ({@code %20}). */
  URL,
  /** Inside a POSIX shell single-quoted word: each {@code '} written as {@code '\''} or {@code '"'"'}. */
  SHELL_SINGLE_QUOTE,
  /** Each {@code $} doubled, as Make, Compose and Jenkins parameter escaping write it. */
  DOLLAR_DOUBLED
}
