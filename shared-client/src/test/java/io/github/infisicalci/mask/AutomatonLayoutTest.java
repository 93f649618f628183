package io.github.infisicalci.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The automaton against a textbook Aho–Corasick built from a sorted, de-duplicated pattern set: same state
 * numbering (breadth first, children by label), same transitions from every state on every byte, same
 * outputs and depths, whatever the order of the patterns and their duplicates. The streaming masker's
 * held-back bytes are {@code depth(state)}, so this pins them as well as the matches.
 */
class AutomatonLayoutTest {

  @Test
  void sameAutomatonAsTheTextbookOneForRandomPatternSetsInAnyOrder() {
    Random rnd = new Random(20261202L);
    for (int round = 0; round < 300; round++) {
      List<byte[]> patterns = randomPatterns(rnd, 1 + rnd.nextInt(round < 250 ? 12 : 200));
      List<byte[]> shuffled = new ArrayList<>(patterns);
      for (int i = 0; i < patterns.size() / 3; i++) {
        shuffled.add(patterns.get(rnd.nextInt(patterns.size())).clone());
      }
      Collections.shuffle(shuffled, rnd);
      assertSame(new Reference(patterns), Automaton.build(shuffled), "round " + round);
    }
  }

  @Test
  void manyChildrenPerStateAndLongChainsKeepTheirEdges() {
    List<byte[]> patterns = new ArrayList<>();
    for (int a = 0; a < 256; a++) {
      for (int b = 0; b < 256; b += 17) {
        patterns.add(new byte[] {(byte) a, (byte) b, 'x'});
      }
    }
    patterns.add("a".repeat(300).getBytes(StandardCharsets.US_ASCII));
    patterns.add(("ab".repeat(100) + "c").getBytes(StandardCharsets.US_ASCII));
    assertSame(new Reference(patterns), Automaton.build(patterns), "dense");
  }

  private static List<byte[]> randomPatterns(Random rnd, int count) {
    byte[] alphabet = rnd.nextBoolean() ? "ab".getBytes(StandardCharsets.US_ASCII)
        : "abcxyz=\n\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] p = new byte[1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 40 : 8)];
      for (int j = 0; j < p.length; j++) {
        p[j] = alphabet[rnd.nextInt(alphabet.length)];
      }
      out.add(p);
    }
    return out;
  }

  private static void assertSame(Reference ref, Automaton a, String what) {
    assertEquals(ref.states(), a.numStates, what + ": states");
    for (int s = 0; s < ref.states(); s++) {
      if (ref.depth[s] != a.depth(s) || ref.output[s] != a.output(s)) {
        assertEquals(ref.depth[s] + "/" + ref.output[s], a.depth(s) + "/" + a.output(s),
            what + ": depth/output of " + s);
      }
      for (int c = 0; c < 256; c++) {
        int expected = ref.next(s, c);
        int actual = a.next(s, c);
        if (expected != actual) {
          assertEquals(expected, actual, what + ": next(" + s + ", " + c + ")");
        }
      }
    }
  }

  /** Trie of the distinct patterns in sorted order, numbered breadth first, with full goto/fail. */
  private static final class Reference {
    final List<TreeMap<Integer, Integer>> children = new ArrayList<>();
    final int[] depth;
    final int[] output;
    final int[] fail;

    Reference(List<byte[]> patterns) {
      List<byte[]> sorted = new ArrayList<>(patterns);
      sorted.sort(Arrays::compareUnsigned);
      // trie by insertion with temporary ids, then breadth-first renumbering with children by label
      List<TreeMap<Integer, Integer>> tmp = new ArrayList<>();
      List<Integer> tmpEnd = new ArrayList<>();
      tmp.add(new TreeMap<>());
      tmpEnd.add(0);
      for (byte[] p : sorted) {
        int s = 0;
        for (byte b : p) {
          Integer c = tmp.get(s).get(b & 0xff);
          if (c == null) {
            c = tmp.size();
            tmp.add(new TreeMap<>());
            tmpEnd.add(0);
            tmp.get(s).put(b & 0xff, c);
          }
          s = c;
        }
        tmpEnd.set(s, p.length);
      }
      int[] newId = new int[tmp.size()];
      List<Integer> order = new ArrayList<>();
      order.add(0);
      for (int i = 0; i < order.size(); i++) {
        newId[order.get(i)] = i;
        order.addAll(tmp.get(order.get(i)).values());
      }
      int n = order.size();
      depth = new int[n];
      output = new int[n];
      fail = new int[n];
      int[] terminal = new int[n];
      for (int i = 0; i < n; i++) {
        TreeMap<Integer, Integer> kids = new TreeMap<>();
        tmp.get(order.get(i)).forEach((c, t) -> kids.put(c, newId[t]));
        children.add(kids);
        terminal[i] = tmpEnd.get(order.get(i));
      }
      for (int s = 0; s < n; s++) {
        for (int child : children.get(s).values()) {
          depth[child] = depth[s] + 1;
        }
      }
      for (int s = 0; s < n; s++) {
        for (var e : children.get(s).entrySet()) {
          int child = e.getValue();
          fail[child] = s == 0 ? 0 : next(fail[s], e.getKey());
        }
        output[s] = terminal[s] != 0 ? terminal[s] : s == 0 ? 0 : output[fail[s]];
      }
    }

    int states() {
      return children.size();
    }

    int next(int s, int c) {
      while (true) {
        Integer child = children.get(s).get(c);
        if (child != null) {
          return child;
        }
        if (s == 0) {
          return 0;
        }
        s = fail[s];
      }
    }
  }
}
