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
 * (about 7 bytes a state: failure link 4, label 1, first child 2, two bits for outputs). A dense entry {@code >= 0} is the next state's row offset
 * ({@code state * width}) for a dense state without output; anything else is stored as {@code ~state} so the
 * scanning loop leaves its fast path only for outputs and deep states.
 */
final class Automaton {
  /** Most table entries (4 MiB); the dense states are the shallowest that fit. */
  static final int DENSE_ENTRIES = 1 << 20;
  /** Deepest dense state: deeper ones are seldom visited by text that is not a secret. */
  static final int DENSE_DEPTH = 4;
  /** Longest stride of the stride prefilter (more would fill its bit set with 10,000 long secrets). */
  static final int MAX_STRIDE = 16;

  /** States per block of {@link #childBase}: a block's children fit in a {@code char} offset (64 × 256). */
  private static final int CHILD_BLOCK_BITS = 6;
  /** Longest array the build makes (a little under {@code Integer.MAX_VALUE}, which some VMs refuse). */
  static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

  final int numStates;
  final int numDense;
  /** Byte to column: each byte used by a pattern has its own column, all others share column 0. */
  final int[] byteClass;
  /** Row width: number of byte classes. */
  final int width;
  final int[] table;
  final int[] fail;
  /**
   * First child of state {@code s}: {@code childBase[s >>> 6] + childOffset[s]} (the first children are
   * increasing, so a block of 64 states needs one int and a char each; {@code s = numStates} ends the last).
   */
  final int[] childBase;
  final char[] childOffset;
  final byte[] label;
  /** First state of each depth, then {@code numStates}. */
  final int[] levelStart;
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
  /**
   * Stride prefilter, null when the shortest pattern is too short ({@code stride < 2}): a bit per hash of
   * every 4 bytes at offsets {@code 0 .. stride - 1} of every pattern. Every pattern starting in
   * {@code [i, i + stride)} holds the 4 bytes at {@code i + stride - 1}, so where they miss none starts
   * there: the scan tests one position in {@code stride} instead of every one.
   */
  final long[] strideBits;
  final int stride;
  final int strideShift;
  /** A pattern ends in this state. */
  final long[] terminal;
  /** A pattern ends in this state or in one on its failure chain. */
  final long[] outBits;

  private Automaton(int numStates, int numDense, int[] byteClass, int width, int[] table, int[] fail,
      int[] childBase, char[] childOffset, byte[] label, int[] levelStart, long[] terminal, long[] outBits,
      byte[] denseDepth, long[] gramBits, int gramLength, long[] strideBits, int stride) {
    this.numStates = numStates;
    this.numDense = numDense;
    this.byteClass = byteClass;
    this.width = width;
    this.table = table;
    this.fail = fail;
    this.childBase = childBase;
    this.childOffset = childOffset;
    this.label = label;
    this.levelStart = levelStart;
    this.terminal = terminal;
    this.outBits = outBits;
    this.denseDepth = denseDepth;
    this.gramBits = gramBits;
    this.gramLength = gramLength;
    this.gramMask = gramLength >= 4 ? -1 : (1 << (8 * gramLength)) - 1;
    this.gramShift = gramBits == null ? 0 : hashShift(gramBits);
    this.strideBits = strideBits;
    this.stride = stride;
    this.strideShift = strideBits == null ? 0 : hashShift(strideBits);
  }

  /**
   * Builds from non-empty patterns in any order, duplicates allowed: the automaton depends only on the set
   * of patterns. The distinct patterns are copied into one buffer (wiped before returning); the trie is
   * made level by level (breadth first): the patterns still longer than the current depth are kept
   * grouped by the node they reached, and each group is ordered by its next byte (counting sort for large
   * groups, insertion sort for small ones), so no pattern is ever compared whole.
   */
  static Automaton build(List<byte[]> patterns) {
    return build(Distinct.of(patterns));
  }

  /**
   * Capacity of an array of {@code length} elements that must hold {@code needed}: the same if they fit,
   * else at least doubled (so that growing element by element copies each one a bounded number of times),
   * never above {@link #MAX_ARRAY}; more than that is refused, naming {@code what} (no secret).
   */
  static int capacity(int length, long needed, String what) {
    if (needed > MAX_ARRAY) {
      throw new IllegalArgumentException("secrets too large to mask: more than " + MAX_ARRAY + " " + what);
    }
    return needed <= length ? length : (int) Math.min(MAX_ARRAY, Math.max(needed, length * 2L));
  }

  /** Longs for a bit set of {@code bits} bits. */
  static int words(int bits) {
    return (bits + 63) >>> 6;
  }

  /** The distinct patterns, one after the other in {@code bytes}: pattern {@code i} at {@code offset[i]}. */
  record Distinct(byte[] bytes, int[] offset, int[] length, int count) {
    /** The first of each set of equal patterns, in their order; the buffer holds secrets, wipe it. */
    static Distinct of(List<byte[]> patterns) {
      int n = patterns.size();
      int[] offset = new int[n];
      int[] length = new int[n];
      // open addressing, a free slot at least every other one (index + 1, 0 when free)
      int[] slots = new int[Math.max(4, Integer.highestOneBit(n) << 2)];
      int shift = 32 - Integer.numberOfTrailingZeros(slots.length);
      byte[] bytes = new byte[1024];
      int used = 0;
      int count = 0;
      for (byte[] q : patterns) {
        int pos = gramHash(Arrays.hashCode(q), shift);
        boolean seen = false;
        for (int j = slots[pos] - 1; j >= 0; j = slots[pos] - 1) {
          if (length[j] == q.length
              && Arrays.equals(bytes, offset[j], offset[j] + q.length, q, 0, q.length)) {
            seen = true;
            break;
          }
          if (++pos == slots.length) {
            pos = 0;
          }
        }
        if (seen) {
          continue;
        }
        bytes = room(bytes, used, q.length);
        System.arraycopy(q, 0, bytes, used, q.length);
        offset[count] = used;
        length[count] = q.length;
        slots[pos] = ++count;
        used += q.length;
      }
      return new Distinct(bytes, offset, length, count);
    }

    /**
     * {@code bytes} if {@code more} bytes fit after {@code used}, else a larger copy ({@link #capacity});
     * the buffer left behind is wiped, and so is {@code bytes} when the patterns are too large.
     */
    static byte[] room(byte[] bytes, int used, int more) {
      int capacity;
      try {
        capacity = capacity(bytes.length, (long) used + more, "pattern bytes");
      } catch (IllegalArgumentException e) {
        Arrays.fill(bytes, (byte) 0);
        throw e;
      }
      if (capacity == bytes.length) {
        return bytes;
      }
      byte[] grown = Arrays.copyOf(bytes, capacity);
      Arrays.fill(bytes, (byte) 0);
      return grown;
    }
  }

  /** Builds from distinct patterns, then wipes their buffer (also when the build fails). */
  static Automaton build(Distinct distinct) {
    try {
      return buildFrom(distinct);
    } finally {
      Arrays.fill(distinct.bytes(), (byte) 0);
    }
  }

  private static Automaton buildFrom(Distinct distinct) {
    final byte[] bytes = distinct.bytes();
    int n = distinct.count();
    int maxLen = 0;
    for (int i = 0; i < n; i++) {
      maxLen = Math.max(maxLen, distinct.length()[i]);
    }
    int[] levelStart = new int[maxLen + 2];
    levelStart[0] = 0;
    levelStart[1] = 1;
    // grown level by level; a first child of 0 (the root is nobody's child) stands for none yet
    byte[] label = new byte[16];
    int[] firstChild = new int[16];
    long[] terminal = new long[words(16)];

    // the patterns still active at depth d: offset, length and the node reached, in breadth-first order
    int[] off = Arrays.copyOf(distinct.offset(), n);
    int[] len = Arrays.copyOf(distinct.length(), n);
    int[] node = new int[n];
    int[] keys = new int[n];
    int[] scratchOff = new int[n];
    int[] scratchLen = new int[n];
    int[] count = new int[257];
    int activeCount = n;
    int next = 1;
    for (int d = 0; d < maxLen; d++) {
      int grown = capacity(label.length, (long) next + activeCount + 1, "automaton states");
      if (grown != label.length) {
        label = Arrays.copyOf(label, grown);
        firstChild = Arrays.copyOf(firstChild, grown);
        terminal = Arrays.copyOf(terminal, words(grown));
      }
      for (int k = 0; k < activeCount; k++) {
        keys[k] = bytes[off[k] + d] & 0xff;
      }
      int kept = 0;
      int k = 0;
      while (k < activeCount) {
        int parent = node[k];
        int e = k + 1;
        while (e < activeCount && node[e] == parent) {
          e++;
        }
        sortByKey(keys, off, len, k, e, scratchOff, scratchLen, count);
        int prevLabel = -1;
        int current = -1;
        firstChild[parent] = next;
        for (int j = k; j < e; j++) {
          int c = keys[j];
          if (c != prevLabel) {
            current = next++;
            label[current] = (byte) c;
            prevLabel = c;
          }
          if (len[j] == d + 1) {
            terminal[current >>> 6] |= 1L << current;
          } else {
            off[kept] = off[j];
            len[kept] = len[j];
            node[kept++] = current;
          }
        }
        k = e;
      }
      activeCount = kept;
      levelStart[d + 2] = next;
    }
    int states = next;
    label = Arrays.copyOf(label, states);
    firstChild = Arrays.copyOf(firstChild, states + 1);
    terminal = Arrays.copyOf(terminal, words(states));
    firstChild[states] = states;
    for (int s = states - 1; s >= 0; s--) {
      if (firstChild[s] == 0) {
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
    long[] outBits = new long[words(states)];
    for (int u = 0; u < states; u++) {
      // the root too: no pattern is empty and its failure link is itself, so it gets no output bit
      if (hasBit(terminal, u) || hasBit(outBits, fail[u])) {
        outBits[u >>> 6] |= 1L << u;
      }
      int from = firstChild[u];
      int to = firstChild[u + 1];
      if (u < numDense) {
        int row = u * width;
        if (u != 0) {
          System.arraycopy(table, fail[u] * width, table, row, width);
        }
        for (int v = from; v < to; v++) {
          table[row + byteClass[label[v] & 0xff]] = v;
        }
      }
      for (int v = from; v < to; v++) {
        fail[v] = u == 0 ? 0 : rawNext(fail[u], label[v] & 0xff, numDense, width, table, byteClass, fail,
            firstChild, label);
      }
    }
    for (int i = 0; i < table.length; i++) {
      int t = table[i];
      table[i] = t < numDense && !hasBit(outBits, t) ? t * width : ~t;
    }
    byte[] denseDepth = new byte[numDense];
    for (int d = 0; levelStart[d] < numDense; d++) {
      Arrays.fill(denseDepth, levelStart[d], Math.min(levelStart[d + 1], numDense), (byte) d);
    }
    int gramLength = 0;
    long[] gramBits = null;
    long[] strideBits = null;
    int stride = 1;
    if (n > 0) {
      int minLen = Integer.MAX_VALUE;
      for (int i = 0; i < n; i++) {
        minLen = Math.min(minLen, distinct.length()[i]);
      }
      gramLength = Math.min(4, minLen);
      gramBits = gramBitSet(n);
      for (int i = 0; i < n; i++) {
        addGram(gramBits, gram(bytes, distinct.offset()[i], gramLength));
      }
      if (minLen >= 5) { // a stride of 2 or more: 4 bytes at offsets 0 and 1 of every pattern
        stride = Math.min(MAX_STRIDE, minLen - 3);
        strideBits = gramBitSet((long) n * stride);
        for (int i = 0; i < n; i++) {
          int at = distinct.offset()[i];
          for (int o = 0; o < stride; o++) {
            addGram(strideBits, gram(bytes, at + o, 4));
          }
        }
      }
    }
    int[] childBase = new int[(states >>> CHILD_BLOCK_BITS) + 1];
    char[] childOffset = new char[states + 1];
    for (int s = 0; s <= states; s++) {
      if ((s & ((1 << CHILD_BLOCK_BITS) - 1)) == 0) {
        childBase[s >>> CHILD_BLOCK_BITS] = firstChild[s];
      }
      childOffset[s] = (char) (firstChild[s] - childBase[s >>> CHILD_BLOCK_BITS]);
    }
    return new Automaton(states, numDense, byteClass, width, table, fail, childBase, childOffset, label,
        levelStart, terminal, outBits, denseDepth, gramBits, gramLength, strideBits, stride);
  }

  private static boolean hasBit(long[] bits, int i) {
    return (bits[i >>> 6] & (1L << i)) != 0;
  }

  /** Orders {@code [from, to)} of the three parallel arrays by {@code keys} (bytes). */
  private static void sortByKey(int[] keys, int[] off, int[] len, int from, int to, int[] scratchOff,
      int[] scratchLen, int[] count) {
    int size = to - from;
    if (size < 2) {
      return;
    }
    if (size <= 32) {
      for (int j = from + 1; j < to; j++) {
        int key = keys[j];
        int o = off[j];
        int l = len[j];
        int m = j - 1;
        while (m >= from && keys[m] > key) {
          keys[m + 1] = keys[m];
          off[m + 1] = off[m];
          len[m + 1] = len[m];
          m--;
        }
        keys[m + 1] = key;
        off[m + 1] = o;
        len[m + 1] = l;
      }
      return;
    }
    Arrays.fill(count, 0);
    for (int j = from; j < to; j++) {
      count[keys[j] + 1]++;
    }
    for (int c = 0; c < 256; c++) {
      count[c + 1] += count[c];
    }
    for (int j = from; j < to; j++) {
      int at = count[keys[j]]++;
      scratchOff[at] = off[j];
      scratchLen[at] = len[j];
    }
    System.arraycopy(scratchOff, 0, off, from, size);
    System.arraycopy(scratchLen, 0, len, from, size);
    int j = from;
    for (int c = 0; j < to; c++) {
      int end = from + count[c];
      while (j < end) {
        keys[j++] = c;
      }
    }
  }

  /** Bit index of a gram (its bytes little-endian in an int, unused high bytes zero). */
  static int gramHash(int gram, int shift) {
    return (gram * 0x9E3779B1) >>> shift;
  }

  /** A bit set of hashed grams for {@code entries} grams: 32 bits each, between 2^12 and 2^22 bits. */
  private static long[] gramBitSet(long entries) {
    int log2 = Math.max(12, Math.min(22, 64 - Long.numberOfLeadingZeros(entries * 32L)));
    return new long[1 << (log2 - 6)];
  }

  /** The {@link #gramHash} shift that gives a bit index of {@code bits} (a power of two of bits). */
  private static int hashShift(long[] bits) {
    return 32 - Long.numberOfTrailingZeros(bits.length * 64L);
  }

  private static void addGram(long[] bits, int gram) {
    int h = gramHash(gram, hashShift(bits));
    bits[h >>> 6] |= 1L << h;
  }

  /** The {@code length} (at most 4) bytes at {@code at}, little-endian, as the scan reads them. */
  private static int gram(byte[] bytes, int at, int length) {
    int g = 0;
    for (int j = 0; j < length; j++) {
      g |= (bytes[at + j] & 0xff) << (8 * j);
    }
    return g;
  }

  /** Next state during construction, while dense entries still hold plain state numbers. */
  private static int rawNext(int s, int c, int numDense, int width, int[] table, int[] byteClass, int[] fail,
      int[] firstChild, byte[] label) {
    while (s >= numDense) {
      int child = child(firstChild[s], firstChild[s + 1], label, c);
      if (child != 0) {
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
      if (child != 0) {
        return child;
      }
      s = fail[s];
    }
    int t = table[s * width + byteClass[c]];
    return t >= 0 ? t / width : ~t;
  }

  private int child(int s, int c) {
    return child(firstChild(s), firstChild(s + 1), label, c);
  }

  /** Index of the first child of {@code s} (children are numbered contiguously, sorted by label). */
  int firstChild(int s) {
    return childBase[s >>> CHILD_BLOCK_BITS] + childOffset[s];
  }

  /** The state in {@code [lo, end)} labelled {@code c}, 0 (the root, nobody's child) if none. */
  private static int child(int lo, int end, byte[] label, int c) {
    int hi = end - 1;
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
    return 0;
  }

  /**
   * Length of the longest pattern ending in state {@code s}, 0 if none: the depth of the first state on
   * its failure chain where a pattern ends (the output bit says whether there is one).
   */
  int output(int s) {
    if (!hasBit(outBits, s)) {
      return 0;
    }
    while (!hasBit(terminal, s)) {
      s = fail[s];
    }
    return depth(s);
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
}
