package io.github.infisicalci.mask;

import java.util.Arrays;
import java.util.List;

/**
 * Aho–Corasick automaton over bytes, laid out for speed on the states a log actually visits and for
 * little memory on the rest.
 *
 * <p>States are numbered breadth first, so a state's depth is monotone in its number and the children of
 * every state are one contiguous, label-sorted run of numbers ({@code firstChild[s]} to
 * {@code firstChild[s + 1]}). The shallowest states (depth up to {@link #DENSE_DEPTH}, as many as
 * {@link #DENSE_ENTRIES} allows; where ordinary text spends its time) get a full transition row with one
 * column per {@linkplain #byteClass byte class}; deeper states keep only their trie edges and failure link
 * (about 9 bytes a state). A dense entry {@code >= 0} is the next state's row offset
 * ({@code state * width}) for a dense state without output; anything else is stored as {@code ~state} so the
 * scanning loop leaves its fast path only for outputs and deep states.
 */
final class Automaton {
  /** Most table entries (4 MiB); the dense states are the shallowest that fit. */
  static final int DENSE_ENTRIES = 1 << 20;
  /** Deepest dense state: deeper ones are seldom visited by text that is not a secret. */
  static final int DENSE_DEPTH = 4;

  final int numStates;
  final int numDense;
  /** Byte to column: each byte used by a pattern has its own column, all others share column 0. */
  final int[] byteClass;
  /** Row width: number of byte classes. */
  final int width;
  final int[] table;
  private final int[] fail;
  private final int[] firstChild;
  private final byte[] label;
  private final int[] levelStart;
  /** Depth of each dense state. */
  final byte[] denseDepth;
  /**
   * Prefilter: a bit per hash of the first {@link #gramLength} bytes of every pattern (null when there
   * are no patterns). A text position whose gram misses cannot start a match.
   */
  final long[] gramBits;
  final int gramLength;
  final int gramMask;
  final int gramShift;
  private final long[] outBits;
  private final int[] outKeys;
  private final int[] outValues;
  final int maxPatternLength;

  private Automaton(int numStates, int numDense, int[] byteClass, int width, int[] table, int[] fail, int[] firstChild,
      byte[] label, int[] levelStart, long[] outBits, int[] outKeys, int[] outValues,
      byte[] denseDepth, long[] gramBits, int gramLength) {
    this.numStates = numStates;
    this.numDense = numDense;
    this.byteClass = byteClass;
    this.width = width;
    this.table = table;
    this.fail = fail;
    this.firstChild = firstChild;
    this.label = label;
    this.levelStart = levelStart;
    this.outBits = outBits;
    this.outKeys = outKeys;
    this.outValues = outValues;
    this.maxPatternLength = levelStart.length - 2;
    this.denseDepth = denseDepth;
    this.gramBits = gramBits;
    this.gramLength = gramLength;
    this.gramMask = gramLength >= 4 ? -1 : (1 << (8 * gramLength)) - 1;
    this.gramShift = gramBits == null ? 0 : 32 - Long.numberOfTrailingZeros(gramBits.length * 64L);
  }

  /** Builds from distinct, non-empty patterns sorted by {@link Arrays#compareUnsigned(byte[], byte[])}. */
  static Automaton build(List<byte[]> sorted) {
    int n = sorted.size();
    long total = 1;
    int maxLen = 0;
    for (int i = 0; i < n; i++) {
      byte[] p = sorted.get(i);
      int lcp = i == 0 ? 0 : commonPrefix(sorted.get(i - 1), p);
      total += p.length - lcp;
      maxLen = Math.max(maxLen, p.length);
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("secrets too large to mask: " + total + " pattern bytes");
    }
    int states = (int) total;
    byte[] label = new byte[states];
    int[] firstChild = new int[states + 1];
    Arrays.fill(firstChild, -1);
    long[] terminal = new long[(states + 63) >>> 6];
    int[] levelStart = new int[maxLen + 2];
    levelStart[0] = 0;
    levelStart[1] = 1;

    int[] nodeOf = new int[n];
    int[] active = new int[n];
    int activeCount = 0;
    for (int i = 0; i < n; i++) {
      active[activeCount++] = i;
    }
    int next = 1;
    for (int d = 0; d < maxLen; d++) {
      int prevParent = -1;
      int prevLabel = -1;
      int current = -1;
      int kept = 0;
      for (int k = 0; k < activeCount; k++) {
        int i = active[k];
        byte[] p = sorted.get(i);
        int parent = nodeOf[i];
        int c = p[d] & 0xff;
        if (parent != prevParent || c != prevLabel) {
          current = next++;
          label[current] = (byte) c;
          if (parent != prevParent) {
            firstChild[parent] = current;
          }
          prevParent = parent;
          prevLabel = c;
        }
        nodeOf[i] = current;
        if (p.length == d + 1) {
          terminal[current >>> 6] |= 1L << current;
        } else {
          active[kept++] = i;
        }
      }
      activeCount = kept;
      levelStart[d + 2] = next;
    }
    firstChild[states] = states;
    for (int s = states - 1; s >= 0; s--) {
      if (firstChild[s] < 0) {
        firstChild[s] = firstChild[s + 1];
      }
    }

    int[] byteClass = new int[256];
    int width = 1;
    for (int s = 1; s < states; s++) {
      int c = label[s] & 0xff;
      if (byteClass[c] == 0) {
        byteClass[c] = -1;
      }
    }
    for (int c = 0; c < 256; c++) {
      if (byteClass[c] == -1) {
        byteClass[c] = width++;
      }
    }
    int numDense = Math.min(levelStart[Math.min(DENSE_DEPTH + 1, maxLen + 1)],
        Math.max(1, DENSE_ENTRIES / width));
    int[] table = new int[numDense * width];
    int[] fail = new int[states];
    int[] out = new int[states];
    Automaton raw = new Automaton(states, numDense, byteClass, width, table, fail, firstChild, label,
        levelStart, new long[0], new int[0], new int[0], null, null, 0);
    int outCount = 0;
    int depth = 0;
    for (int u = 0; u < states; u++) {
      while (levelStart[depth + 1] <= u) {
        depth++;
      }
      if (u > 0) {
        boolean isTerminal = (terminal[u >>> 6] & (1L << u)) != 0;
        out[u] = isTerminal ? depth : out[fail[u]];
        if (out[u] != 0) {
          outCount++;
        }
      }
      if (u < numDense) {
        int row = u * width;
        if (u != 0) {
          System.arraycopy(table, fail[u] * width, table, row, width);
        }
        for (int v = firstChild[u]; v < firstChild[u + 1]; v++) {
          table[row + byteClass[label[v] & 0xff]] = v;
        }
      }
      for (int v = firstChild[u]; v < firstChild[u + 1]; v++) {
        fail[v] = u == 0 ? 0 : raw.rawNext(fail[u], label[v] & 0xff);
      }
    }

    long[] outBits = new long[(states + 63) >>> 6];
    int[] outKeys = new int[outCount];
    int[] outValues = new int[outCount];
    int k = 0;
    for (int s = 0; s < states; s++) {
      if (out[s] != 0) {
        outBits[s >>> 6] |= 1L << s;
        outKeys[k] = s;
        outValues[k++] = out[s];
      }
    }
    for (int i = 0; i < table.length; i++) {
      int t = table[i];
      table[i] = t < numDense && out[t] == 0 ? t * width : ~t;
    }
    byte[] denseDepth = new byte[numDense];
    for (int d = 0; levelStart[d] < numDense; d++) {
      Arrays.fill(denseDepth, levelStart[d], Math.min(levelStart[d + 1], numDense), (byte) d);
    }
    int gramLength = 0;
    long[] gramBits = null;
    if (n > 0) {
      int minLen = Integer.MAX_VALUE;
      for (byte[] p : sorted) {
        minLen = Math.min(minLen, p.length);
      }
      gramLength = Math.min(4, minLen);
      int log2 = Math.max(12, Math.min(22, 64 - Long.numberOfLeadingZeros(n * 32L)));
      gramBits = new long[1 << (log2 - 6)];
      for (byte[] p : sorted) {
        int g = 0;
        for (int j = 0; j < gramLength; j++) {
          g |= (p[j] & 0xff) << (8 * j);
        }
        int h = gramHash(g, 32 - log2);
        gramBits[h >>> 6] |= 1L << h;
      }
    }
    return new Automaton(states, numDense, byteClass, width, table, fail, firstChild, label, levelStart,
        outBits, outKeys, outValues, denseDepth, gramBits, gramLength);
  }

  /** Bit index of a gram (its bytes little-endian in an int, unused high bytes zero). */
  static int gramHash(int gram, int shift) {
    return (gram * 0x9E3779B1) >>> shift;
  }

  /** Next state during construction, while dense entries still hold plain state numbers. */
  private int rawNext(int s, int c) {
    while (s >= numDense) {
      int child = child(s, c);
      if (child >= 0) {
        return child;
      }
      s = fail[s];
    }
    return table[s * width + byteClass[c]];
  }

  /** Next state from any state (the slow path of the scanning loop). */
  int next(int s, int c) {
    while (s >= numDense) {
      int child = child(s, c);
      if (child >= 0) {
        return child;
      }
      s = fail[s];
    }
    int t = table[s * width + byteClass[c]];
    return t >= 0 ? t / width : ~t;
  }

  private int child(int s, int c) {
    int lo = firstChild[s];
    int hi = firstChild[s + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int l = label[mid] & 0xff;
      if (l < c) {
        lo = mid + 1;
      } else if (l > c) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** Length of the longest pattern ending in state {@code s}, 0 if none. */
  int output(int s) {
    if ((outBits[s >>> 6] & (1L << s)) == 0) {
      return 0;
    }
    return outValues[Arrays.binarySearch(outKeys, s)];
  }

  /** Length of the longest suffix of the input read so far that is a prefix of some pattern. */
  int depth(int s) {
    int lo = 0;
    int hi = levelStart.length - 2;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (levelStart[mid] <= s) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  private static int commonPrefix(byte[] a, byte[] b) {
    int m = Arrays.mismatch(a, b);
    return m < 0 ? Math.min(a.length, b.length) : m;
  }
}
