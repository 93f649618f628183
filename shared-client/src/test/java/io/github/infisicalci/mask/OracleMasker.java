package io.github.infisicalci.mask;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The obviously correct masker the engine is checked against: try every pattern at every position, mark
 * the matched bytes, then write each maximal run of marked bytes as one replacement.
 */
final class OracleMasker {
  private OracleMasker() {}

  static byte[] mask(byte[] input, List<byte[]> patterns, byte[] replacement) {
    boolean[] masked = new boolean[input.length];
    for (int start = 0; start < input.length; start++) {
      for (byte[] p : patterns) {
        if (p.length > 0 && occursAt(input, start, p)) {
          for (int k = start; k < start + p.length; k++) {
            masked[k] = true;
          }
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < input.length; i++) {
      if (!masked[i]) {
        out.write(input[i]);
      } else if (i == 0 || !masked[i - 1]) {
        out.writeBytes(replacement);
      }
    }
    return out.toByteArray();
  }

  static boolean occursAt(byte[] text, int start, byte[] p) {
    if (start + p.length > text.length) {
      return false;
    }
    for (int k = 0; k < p.length; k++) {
      if (text[start + k] != p[k]) {
        return false;
      }
    }
    return true;
  }

  static int countOccurrences(byte[] text, byte[] p) {
    int count = 0;
    for (int start = 0; start + p.length <= text.length; start++) {
      if (occursAt(text, start, p)) {
        count++;
      }
    }
    return count;
  }
}
