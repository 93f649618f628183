package io.github.infisicalci.mask;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The obviously correct masker the engine is checked against: try every pattern at every position, mark
 * the matched bytes, then write each maximal run of marked bytes as one replacement. (Patterns are only
 * grouped by their first byte so that long fuzz runs with thousands of patterns stay affordable.)
 */
final class OracleMasker {
  private OracleMasker() {}

  /** The masked output and which of its bytes belong to a replacement the masker wrote. */
  record Result(byte[] output, boolean[] written) {}

  static byte[] mask(byte[] input, List<byte[]> patterns, byte[] replacement) {
    return maskMarked(input, patterns, replacement).output();
  }

  static Result maskMarked(byte[] input, List<byte[]> patterns, byte[] replacement) {
    List<List<byte[]>> byFirst = byFirstByte(patterns);
    boolean[] masked = new boolean[input.length];
    for (int start = 0; start < input.length; start++) {
      for (byte[] p : byFirst.get(input[start] & 0xff)) {
        if (occursAt(input, start, p)) {
          for (int k = start; k < start + p.length; k++) {
            masked[k] = true;
          }
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream marks = new ByteArrayOutputStream();
    for (int i = 0; i < input.length; i++) {
      if (!masked[i]) {
        out.write(input[i]);
        marks.write(0);
      } else if (i == 0 || !masked[i - 1]) {
        out.writeBytes(replacement);
        for (int k = 0; k < replacement.length; k++) {
          marks.write(1);
        }
      }
    }
    byte[] m = marks.toByteArray();
    boolean[] written = new boolean[m.length];
    for (int i = 0; i < m.length; i++) {
      written[i] = m[i] != 0;
    }
    return new Result(out.toByteArray(), written);
  }

  private static List<List<byte[]>> byFirstByte(List<byte[]> patterns) {
    List<List<byte[]>> byFirst = new ArrayList<>(256);
    for (int c = 0; c < 256; c++) {
      byFirst.add(new ArrayList<>());
    }
    for (byte[] p : patterns) {
      if (p.length > 0) {
        byFirst.get(p[0] & 0xff).add(p);
      }
    }
    return byFirst;
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

  /**
   * Occurrences of any pattern in {@code r}'s output that do not touch a byte of a replacement: the
   * masker's guarantee (a secret made of the replacement's characters may reappear next to one).
   */
  static long leaks(Result r, List<byte[]> patterns) {
    byte[] text = r.output();
    List<List<byte[]>> byFirst = byFirstByte(patterns);
    int[] writtenBefore = new int[text.length + 1];
    for (int i = 0; i < text.length; i++) {
      writtenBefore[i + 1] = writtenBefore[i] + (r.written()[i] ? 1 : 0);
    }
    long leaks = 0;
    for (int start = 0; start < text.length; start++) {
      for (byte[] p : byFirst.get(text[start] & 0xff)) {
        if (occursAt(text, start, p) && writtenBefore[start + p.length] == writtenBefore[start]) {
          leaks++;
        }
      }
    }
    return leaks;
  }
}
