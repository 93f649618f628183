package io.github.infisicalci.mask;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** Base64 of the value: inside any encoded data, wrapped in lines, and of its UTF-16LE bytes. */
final class Base64Spellings {
  /**
   * Characters of a wrapped encoding's line masked by one pattern: the run of this many characters of the
   * secret's encoding from each 4-character group boundary is a pattern, so any piece of it between two
   * line breaks that is at least this long is masked completely, whatever the secret's offset, for a line
   * width that is a multiple of 4 (48 bits: no chance match).
   */
  static final int WINDOW = 8;
  private static final byte[] LF = {'\n'};
  private static final byte[] CRLF = {'\r', '\n'};

  private Base64Spellings() {}

  static void standard(String value, PatternSink out) {
    fragments(utf8(value), Base64.getEncoder(), out);
  }

  static void urlSafe(String value, PatternSink out) {
    fragments(utf8(value), Base64.getUrlEncoder(), out);
  }

  static void utf16le(String value, PatternSink out) {
    fragments(value.getBytes(StandardCharsets.UTF_16LE), Base64.getEncoder(), out);
  }

  /**
   * For the secret starting at byte offset {@code a} (mod 3) of the encoded data, the characters whose
   * six bits all come from the secret; then, when the encoding's last character mixes the secret's last
   * bits with zero bits, the same run extended to the end of the encoding for a secret that ends the data
   * (unpadded and padded). No pattern twice: where the secret ends a 3-byte group the run is the whole
   * rest of the encoding, unpadded. (An empty run is below every floor.)
   */
  static void fragments(byte[] raw, Base64.Encoder encoder, PatternSink out) {
    for (int a = 0; a < 3; a++) {
      byte[] data = aligned(raw, a);
      byte[] padded = encoder.encode(data);
      byte[] unpadded = encoder.withoutPadding().encode(data);
      int first = first(a);
      int end = end(a, raw.length);
      out.fragment(Arrays.copyOfRange(unpadded, first, end));
      if (unpadded.length > end) {
        out.fragment(Arrays.copyOfRange(unpadded, first, unpadded.length));
        out.fragment(Arrays.copyOfRange(padded, first, padded.length), unpadded.length - first);
      }
    }
  }

  /**
   * For each alignment, the secret-only run {@code F} of the standard encoding and the pieces of it that a
   * line can hold. Encoders wrap at a multiple of 4 columns (76, 64), so a line starts and ends only at a
   * 4-character group of the encoding: every {@link #WINDOW} characters of {@code F} starting at such a
   * boundary, at {@code F}'s start and ending at its end cover every piece of at least a window; the
   * shorter pieces are patterns with their line break: a prefix of {@code F} ending a line (LF or CRLF)
   * and a suffix starting one. When the secret ends the data, the same for the end of the encoding (the
   * last character, which mixes the secret's last bits with zeros, and the padding).
   */
  static void wrapped(String value, PatternSink out) {
    byte[] raw = utf8(value);
    for (int a = 0; a < 3; a++) {
      byte[] data = aligned(raw, a);
      byte[] unpadded = Base64.getEncoder().withoutPadding().encode(data);
      byte[] padded = Base64.getEncoder().encode(data);
      int first = first(a);
      int length = end(a, raw.length) - first; // never negative; 0 only for one byte, then nothing passes a floor
      byte[] f = Arrays.copyOfRange(unpadded, first, first + length);
      out.fragment(f);
      for (int k = 1; k < Math.min(WINDOW, length); k++) {
        if (!atGroup(first + k)) {
          continue;
        }
        out.fragment(concat(Arrays.copyOfRange(f, 0, k), LF), k);
        out.fragment(concat(Arrays.copyOfRange(f, 0, k), CRLF), k);
      }
      windowsAndLineStarts(f, first, length, 0, out);
      windowsAndLineStarts(Arrays.copyOfRange(unpadded, first, unpadded.length), first, length, length, out);
      windowsAndLineStarts(Arrays.copyOfRange(padded, first, padded.length), first, unpadded.length - first,
          length, out);
    }
  }

  /**
   * The windows of {@code s} (which starts at character {@code first} of the encoding) ending after
   * {@code doneTo} (the ones before are already there) that start at its start, at a group boundary or end
   * at its end, and its suffixes shorter than a window starting a line; {@code alphabet} characters of
   * {@code s} are not padding.
   */
  private static void windowsAndLineStarts(byte[] s, int first, int alphabet, int doneTo, PatternSink out) {
    if (s.length == doneTo) {
      return;
    }
    for (int j = Math.max(0, doneTo - WINDOW + 1); j + WINDOW <= s.length; j++) {
      if (j == 0 || atGroup(first + j) || j + WINDOW == s.length) {
        out.fragment(Arrays.copyOfRange(s, j, j + WINDOW), Math.min(WINDOW, alphabet - j));
      }
    }
    for (int k = 1; k < Math.min(WINDOW, s.length); k++) {
      int from = s.length - k;
      if (atGroup(first + from)) {
        out.fragment(concat(LF, Arrays.copyOfRange(s, from, s.length)), Math.max(0, alphabet - from));
      }
    }
  }

  /** Whether character {@code i} of an encoding starts a 4-character group (where a wrapped line can start). */
  private static boolean atGroup(int i) {
    return i % 4 == 0;
  }

  private static byte[] aligned(byte[] raw, int a) {
    byte[] data = new byte[a + raw.length];
    System.arraycopy(raw, 0, data, a, raw.length);
    return data;
  }

  /** First encoded character whose bits all come from the secret, for a secret at byte offset {@code a}. */
  private static int first(int a) {
    return (8 * a + 5) / 6;
  }

  /** End (exclusive) of the characters whose bits all come from the secret. */
  private static int end(int a, int n) {
    return (8 * (a + n)) / 6;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
