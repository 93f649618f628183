package io.github.infisicalci.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How {@link Automaton#build} gets there, white-box: the de-duplicated pattern buffer (each distinct
 * pattern once, wiped after the build, old buffers wiped when it grows), the growth rule of its arrays, the
 * child layout, the memory the automaton keeps per state and the bound on its dense table.
 * {@link AutomatonLayoutTest} checks the transitions themselves against a textbook automaton.
 */
class AutomatonBuildTest {
  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static List<byte[]> randomPatterns(Random rnd, int count, String alphabet, int minLength,
      int maxLength) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] p = new byte[minLength + rnd.nextInt(maxLength - minLength + 1)];
      for (int j = 0; j < p.length; j++) {
        p[j] = (byte) alphabet.charAt(rnd.nextInt(alphabet.length()));
      }
      out.add(p);
    }
    return out;
  }

  private static boolean allZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  @Test
  void distinctKeepsTheFirstOfEachSetOfEqualPatternsInOrder() {
    Random rnd = new Random(42L);
    for (int round = 0; round < 200; round++) {
      List<byte[]> patterns = randomPatterns(rnd, 1 + rnd.nextInt(round < 150 ? 10 : 3000), "ab", 1,
          round % 2 == 0 ? 3 : 12);
      Set<String> expected = new LinkedHashSet<>();
      for (byte[] p : patterns) {
        expected.add(new String(p, StandardCharsets.ISO_8859_1));
      }
      Automaton.Distinct d = Automaton.Distinct.of(patterns);
      List<String> actual = new ArrayList<>();
      for (int i = 0; i < d.count(); i++) {
        actual.add(new String(d.bytes(), d.offset()[i], d.length()[i], StandardCharsets.ISO_8859_1));
      }
      assertEquals(new ArrayList<>(expected), actual, "round " + round);
    }
    assertEquals(0, Automaton.Distinct.of(List.of()).count());
    // the first pattern against a later equal one: slot 0 of the table is not "free"
    Automaton.Distinct d = Automaton.Distinct.of(List.of(ascii("x"), ascii("x"), ascii("y"), ascii("x")));
    assertEquals(2, d.count());
  }

  @Test
  void buildWipesTheDistinctPatternsBuffer() {
    Automaton.Distinct d = Automaton.Distinct.of(List.of(ascii("secret-one"), ascii("secret-two"),
        ascii("secret-one")));
    assertFalse(allZero(d.bytes()));
    Automaton a = Automaton.build(d);
    assertTrue(allZero(d.bytes()), "pattern bytes left after the build");
    assertEquals(10, a.output(a.levelStart[10])); // built from them all the same
  }

  @Test
  void theBufferGrowsByDoublingAndWipesWhatItLeaves() {
    byte[] full = new byte[1024];
    Arrays.fill(full, (byte) 's');
    assertTrue(full == Automaton.Distinct.room(full, 1000, 24), "fits exactly: the same buffer");
    byte[] grown = Automaton.Distinct.room(full, 1024, 1);
    assertEquals(2048, grown.length);
    assertTrue(allZero(full), "old buffer not wiped");
    assertEquals('s', grown[1023]);
    assertEquals(0, grown[1024]);

    byte[] small = new byte[16];
    Arrays.fill(small, (byte) 's');
    assertEquals(16 + 100, Automaton.Distinct.room(small, 16, 100).length, "at least what is needed");
    assertTrue(allZero(small));

    byte[] held = new byte[64];
    Arrays.fill(held, (byte) 's');
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Automaton.Distinct.room(held, Automaton.MAX_ARRAY - 10, 11));
    assertTrue(allZero(held), "buffer not wiped when the patterns are too large");
    assertTrue(e.getMessage().contains("pattern bytes"), e.getMessage());
  }

  @Test
  void capacityKeepsDoublesOrTakesWhatIsNeededUpToTheLimit() {
    int max = Automaton.MAX_ARRAY;
    assertEquals(16, Automaton.capacity(16, 0, "x"));
    assertEquals(16, Automaton.capacity(16, 16, "x"));
    assertEquals(32, Automaton.capacity(16, 17, "x"));
    assertEquals(32, Automaton.capacity(16, 32, "x"));
    assertEquals(33, Automaton.capacity(16, 33, "x"));
    assertEquals(max, Automaton.capacity(max / 2 + 1, max / 2 + 2, "x"));
    assertEquals(max, Automaton.capacity(max - 1, max, "x"));
    assertEquals(max, Automaton.capacity(16, max, "x"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Automaton.capacity(16, max + 1L, "automaton states"));
    assertEquals("secrets too large to mask: more than " + max + " automaton states", e.getMessage());
  }

  @Test
  void bitSetWordsRoundUp() {
    assertEquals(0, Automaton.words(0));
    assertEquals(1, Automaton.words(1));
    assertEquals(1, Automaton.words(64));
    assertEquals(2, Automaton.words(65));
    assertEquals((1 << 25) - 1, Automaton.words(Integer.MAX_VALUE - 63));
    assertEquals(1 << 25, Automaton.words(Automaton.MAX_ARRAY), "no overflow at the largest array");
  }

  /**
   * Per state the automaton keeps a failure link, a label, a char offset to its first child, two bits
   * and one int per block of 64 states (about 7 bytes): every array is exactly as long as that.
   */
  @Test
  void keepsAboutSevenBytesAState() {
    Random rnd = new Random(9L);
    for (int count : new int[] {0, 1, 2, 40, 700, 5000}) {
      List<byte[]> patterns = randomPatterns(rnd, count, "abcdefghij0123456789", 1, 70);
      Automaton a = Automaton.build(patterns);
      int states = a.numStates;
      String what = count + " patterns, " + states + " states";
      assertEquals(states, a.fail.length, what);
      assertEquals(states, a.label.length, what);
      assertEquals(states + 1, a.childOffset.length, what);
      assertEquals(states / 64 + 1, a.childBase.length, what);
      assertEquals((states + 63) / 64, a.terminal.length, what);
      assertEquals((states + 63) / 64, a.outBits.length, what);
      assertEquals(a.numDense, a.denseDepth.length, what);
      assertEquals((long) a.numDense * a.width, a.table.length, what);
    }
  }

  /**
   * The children of each state are one contiguous run of states in label order, every state but the root
   * is in exactly one run, and the last run ends at {@code numStates}.
   */
  @Test
  void childrenAreContiguousRunsThatCoverEveryStateOnce() {
    Random rnd = new Random(10L);
    for (int count : new int[] {0, 1, 3, 64, 200, 3000}) {
      Automaton a = Automaton.build(randomPatterns(rnd, count, "abcxyz", 1, 30));
      int states = a.numStates;
      assertEquals(states, a.firstChild(states), count + " patterns");
      assertEquals(1, a.firstChild(0));
      int covered = 0;
      for (int s = 0; s < states; s++) {
        int from = a.firstChild(s);
        int to = a.firstChild(s + 1);
        assertTrue(from <= to, "runs in order");
        for (int v = from; v < to; v++) {
          assertEquals(v, a.next(s, a.label[v] & 0xff), "child " + v + " of " + s);
          assertEquals(a.depth(s) + 1, a.depth(v));
          if (v > from) {
            assertTrue((a.label[v - 1] & 0xff) < (a.label[v] & 0xff), "labels sorted");
          }
        }
        covered += to - from;
      }
      assertEquals(states - 1, covered, count + " patterns");
    }
  }

  /**
   * The dense table never has more than {@link Automaton#DENSE_ENTRIES} entries; within that it holds
   * exactly the states down to {@link Automaton#DENSE_DEPTH}, and each dense state's depth is at hand.
   */
  @Test
  void denseTableHoldsTheShallowStatesWithinItsBound() {
    Random rnd = new Random(12L);
    String base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    // few shallow states: all of depth <= 4 are dense
    for (int maxLength : new int[] {1, 2, 4, 5, 9}) {
      Automaton a = Automaton.build(randomPatterns(rnd, 300, "abc", 1, maxLength));
      int expected = a.levelStart[Math.min(Automaton.DENSE_DEPTH + 1, a.levelStart.length - 1)];
      assertEquals(expected, a.numDense, "patterns up to " + maxLength);
      assertDenseDepths(a);
    }
    // 64 byte classes and ~40,000 states of depth <= 4: only the shallowest that fit
    Automaton a = Automaton.build(randomPatterns(rnd, 20_000, base64, 20, 24));
    assertEquals(65, a.width);
    assertTrue(a.levelStart[Automaton.DENSE_DEPTH + 1] > Automaton.DENSE_ENTRIES / a.width);
    assertEquals(Automaton.DENSE_ENTRIES / a.width, a.numDense);
    assertTrue(a.table.length <= Automaton.DENSE_ENTRIES, "dense entries " + a.table.length);
    assertDenseDepths(a);
  }

  private static void assertDenseDepths(Automaton a) {
    for (int s = 0; s < a.numDense; s++) {
      if (a.denseDepth[s] != a.depth(s)) {
        assertEquals(a.depth(s), a.denseDepth[s], "depth of dense state " + s);
      }
    }
  }

  /** Equal patterns from a long list are one pattern: the automaton is the one of the set. */
  @Test
  void duplicatesDoNotChangeTheAutomaton() {
    Random rnd = new Random(13L);
    List<byte[]> patterns = randomPatterns(rnd, 500, "abcd", 6, 10);
    List<byte[]> doubled = new ArrayList<>(patterns);
    for (byte[] p : patterns) {
      doubled.add(p.clone());
    }
    Automaton once = Automaton.build(patterns);
    Automaton twice = Automaton.build(doubled);
    assertEquals(once.numStates, twice.numStates);
    assertArrayEquals(once.gramBits, twice.gramBits);
    assertArrayEquals(once.strideBits, twice.strideBits);
  }
}
