package io.github.infisicalci.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The two prefilters of {@link Automaton}, probed the way the scanning loop probes them (a little-endian
 * int read at a text position, masked to the gram, hashed with the automaton's shift): no pattern is ever
 * filtered out (no false negatives), random text without the patterns is mostly filtered out (the filters
 * are selective, with a fixed seed, no timing), and the bit sets grow with the number of patterns as
 * designed (memory bound).
 */
class PrefilterTest {
  private static final byte[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(StandardCharsets.US_ASCII);

  /** Little-endian int at {@code b[i, i + 4)}, as the scanning loop reads it. */
  private static int intAt(byte[] b, int i) {
    return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
  }

  private static boolean gramHit(Automaton a, byte[] text, int i) {
    int h = Automaton.gramHash(intAt(text, i) & a.gramMask, a.gramShift);
    return (a.gramBits[h >>> 6] & (1L << h)) != 0;
  }

  private static boolean strideHit(Automaton a, byte[] text, int i) {
    int h = Automaton.gramHash(intAt(text, i), a.strideShift);
    return (a.strideBits[h >>> 6] & (1L << h)) != 0;
  }

  /** The first pattern is {@code minLength} long, the others up to {@code maxLength}. */
  private static List<byte[]> randomPatterns(Random rnd, int count, int minLength, int maxLength) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] p = new byte[i == 0 ? minLength : minLength + rnd.nextInt(maxLength - minLength + 1)];
      for (int j = 0; j < p.length; j++) {
        p[j] = ALPHABET[rnd.nextInt(ALPHABET.length)];
      }
      out.add(p);
    }
    return out;
  }

  /** Printable ASCII: what a log mostly is, and from the patterns' alphabet in large part. */
  private static byte[] randomText(Random rnd, int length) {
    byte[] text = new byte[length];
    for (int i = 0; i < length; i++) {
      text[i] = (byte) (' ' + rnd.nextInt(95));
    }
    return text;
  }

  /** {@code p} followed by bytes that are not in it, so that a 4-byte read past a short pattern is defined. */
  private static byte[] inText(byte[] p, Random rnd) {
    byte[] text = new byte[p.length + 3];
    System.arraycopy(p, 0, text, 0, p.length);
    for (int i = p.length; i < text.length; i++) {
      text[i] = (byte) rnd.nextInt(256);
    }
    return text;
  }

  @Test
  void everyPatternStartPassesTheGramFilterWhateverFollowsIt() {
    Random rnd = new Random(20261203L);
    for (int minLength = 1; minLength <= 6; minLength++) {
      for (int count : new int[] {1, 7, 300, 5000}) {
        List<byte[]> patterns = randomPatterns(rnd, count, minLength, minLength + 40);
        Automaton a = Automaton.build(patterns);
        assertEquals(Math.min(4, minLength), a.gramLength, "gram length for shortest " + minLength);
        for (byte[] p : patterns) {
          for (int round = 0; round < 3; round++) {
            assertTrue(gramHit(a, inText(p, rnd), 0), () -> "gram of a pattern filtered out: " + count);
          }
        }
      }
    }
  }

  @Test
  void everyPatternStartingInAStridePassesTheStrideFilterAtTheStridesLastPosition() {
    Random rnd = new Random(7L);
    for (int minLength = 5; minLength <= 24; minLength += 3) {
      for (int count : new int[] {1, 50, 3000}) {
        List<byte[]> patterns = randomPatterns(rnd, count, minLength, minLength + 30);
        Automaton a = Automaton.build(patterns);
        int stride = Math.min(Automaton.MAX_STRIDE, minLength - 3);
        assertEquals(stride, a.stride, "stride for shortest " + minLength);
        for (byte[] p : patterns) {
          // a pattern starting at k in [0, stride) of a stride holds the 4 bytes at stride - 1
          for (int k = 0; k < stride; k++) {
            byte[] text = new byte[k + p.length];
            System.arraycopy(p, 0, text, k, p.length);
            assertTrue(strideHit(a, text, stride - 1), "stride gram of a pattern filtered out");
          }
        }
      }
    }
  }

  /**
   * Each bit set holds the bits of the patterns' grams and nothing else: a bit more would only pass more
   * text to the automaton, unseen by any masking test.
   */
  @Test
  void theBitSetsHoldExactlyThePatternsGrams() {
    Random rnd = new Random(5L);
    for (int minLength : new int[] {2, 4, 5, 12, 19, 40}) {
      List<byte[]> patterns = randomPatterns(rnd, 2000, minLength, minLength + 20);
      Automaton a = Automaton.build(patterns);
      long[] grams = new long[a.gramBits.length];
      long[] strides = a.strideBits == null ? null : new long[a.strideBits.length];
      for (byte[] p : patterns) {
        int g = 0;
        for (int j = 0; j < a.gramLength; j++) {
          g |= (p[j] & 0xff) << (8 * j);
        }
        int h = Automaton.gramHash(g, a.gramShift);
        grams[h >>> 6] |= 1L << h;
        for (int o = 0; strides != null && o < a.stride; o++) {
          int sh = Automaton.gramHash(intAt(p, o), a.strideShift);
          strides[sh >>> 6] |= 1L << sh;
        }
      }
      assertArrayEquals(grams, a.gramBits, "gram bits, shortest " + minLength);
      assertArrayEquals(strides, a.strideBits, "stride bits, shortest " + minLength);
    }
  }

  @Test
  void noStrideFilterBelowStrideTwo() {
    Random rnd = new Random(3L);
    for (int minLength = 1; minLength <= 4; minLength++) {
      Automaton a = Automaton.build(randomPatterns(rnd, 20, minLength, 30));
      assertNull(a.strideBits, "shortest " + minLength);
      assertEquals(1, a.stride);
    }
    assertEquals(2, Automaton.build(randomPatterns(rnd, 20, 5, 30)).stride);
    assertNull(Automaton.build(List.of()).gramBits);
    assertNull(Automaton.build(List.of()).strideBits);
  }

  /**
   * A Bloom filter with one hash and at least 32 bits per gram passes about 1/32 of the positions of text
   * that holds none of the patterns; allow twice that. A weak hash, a wrong shift or a smaller bit set
   * passes far more.
   */
  @Test
  void randomTextWithoutThePatternsMostlyMissesBothFilters() {
    for (int count : new int[] {10, 100, 1000, 10_000}) {
      Random rnd = new Random(count);
      Automaton a = Automaton.build(randomPatterns(rnd, count, 20, 64));
      assertEquals(16, a.stride);
      byte[] text = randomText(rnd, 200_000);
      int gramHits = 0;
      int strideHits = 0;
      int positions = text.length - 3;
      for (int i = 0; i < positions; i++) {
        gramHits += gramHit(a, text, i) ? 1 : 0;
        strideHits += strideHit(a, text, i) ? 1 : 0;
      }
      double gramRate = (double) gramHits / positions;
      double strideRate = (double) strideHits / positions;
      double gramFill = (double) count / (a.gramBits.length * 64L);
      double strideFill = (double) count * a.stride / (a.strideBits.length * 64L);
      String what = count + " patterns: gram " + gramRate + " (fill " + gramFill + "), stride " + strideRate
          + " (fill " + strideFill + ")";
      assertTrue(gramRate <= Math.max(2.0 / 32, 2 * gramFill), what);
      assertTrue(strideRate <= Math.max(2.0 / 32, 2 * strideFill), what);
    }
  }

  /**
   * The gram filter has a power of two of bits, between 32 and 64 a distinct pattern, at least 2^12 and at
   * most 2^22 (512 KiB); the stride filter the same per stride gram ({@code patterns × stride}).
   */
  @Test
  void bitSetsGrowWithThePatternsWithinTheirBounds() {
    Random rnd = new Random(11L);
    for (int count : new int[] {1, 100, 127, 128, 129, 1000, 4097, 30_000, 140_000}) {
      List<byte[]> patterns = randomPatterns(rnd, count, 8, 12);
      for (int i = 0; i < count; i++) { // duplicates (equal, not the same arrays) are not counted
        patterns.add(patterns.get(i).clone());
      }
      Automaton a = Automaton.build(patterns);
      assertBits(count, a.gramBits.length * 64L, "gram bits for " + count);
      assertEquals(5, a.stride);
      assertBits(count * 5L, a.strideBits.length * 64L, "stride bits for " + count);
    }
  }

  private static void assertBits(long entries, long bits, String what) {
    assertEquals(1, Long.bitCount(bits), what + ": " + bits);
    long expected = Math.max(1L << 12, Math.min(1L << 22, Long.highestOneBit(entries * 32) * 2));
    assertEquals(expected, bits, what);
    if (bits > 1L << 12 && bits < 1L << 22) {
      assertTrue(bits > entries * 32 && bits <= entries * 64, what + ": " + bits);
    }
  }
}
