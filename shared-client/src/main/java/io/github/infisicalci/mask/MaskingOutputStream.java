package io.github.infisicalci.mask;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * The streaming state of one masked output: the automaton state, the bytes that could still turn out to
 * be part of a match (at most the longest pattern) and the masked intervals not yet written.
 *
 * <p>Positions are absolute byte counts since the stream was opened. A byte before
 * {@code position - depth(state)} can never be covered by a future match, so it is final; a byte already
 * covered by a match is final too (masking only grows). Each maximal run of masked bytes is written as
 * one replacement, so the output does not depend on how the input was split into writes.
 */
final class MaskingOutputStream extends OutputStream {
  /** Most pending masked intervals: beyond, the older ones are written out within the write. */
  static final int MAX_PENDING_INTERVALS = 256;
  /** Bytes read in the automaton before checking whether skipping can resume. */
  private static final int STEPS = 8;
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private final Automaton automaton;
  private final OutputStream out;
  private final byte[] replacement;
  private final byte[] single = new byte[1];

  private int state;
  private long position;
  private long released;
  private boolean lastReleasedMasked;
  private boolean closed;

  /** Bytes kept from earlier writes, {@code carry[0]} at {@code carryPosition}; they end where the next write starts. */
  private byte[] carry = new byte[64];
  private long carryPosition;

  /** The array being written, {@code chunk[chunkOffset]} is at absolute {@code chunkPosition}. */
  private byte[] chunk;
  private int chunkOffset;
  private long chunkPosition;

  /** Pending masked intervals as (start, end) pairs, sorted, disjoint and not adjacent. */
  private long[] intervals = new long[32];
  private int head;
  private int tail;

  MaskingOutputStream(Automaton automaton, OutputStream out, byte[] replacement) {
    this.automaton = automaton;
    this.out = Objects.requireNonNull(out, "out");
    this.replacement = replacement;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    single[0] = (byte) b;
    write(single, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (closed) {
      throw new IOException("masking stream is closed");
    }
    if (len == 0) {
      return;
    }
    carryPosition = released;
    chunk = b;
    chunkOffset = off;
    chunkPosition = position;
    try {
      scan(b, off, off + len);
      position += len;
      release(position - automaton.depth(state));
      keepUnreleased();
    } finally {
      chunk = null;
    }
  }

  /**
   * Writes what is final and flushes the underlying stream. Bytes that may still be the start of a
   * secret stay held back: releasing them could leak a secret printed in several pieces.
   */
  @Override
  public synchronized void flush() throws IOException {
    out.flush();
  }

  /** Writes the held-back bytes (masked where they match) and closes the underlying stream. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      carryPosition = released;
      chunkPosition = position;
      release(position);
      Arrays.fill(carry, (byte) 0);
      single[0] = 0;
    } finally {
      out.close();
    }
  }

  /**
   * Feeds {@code b[from, to)} to the automaton. While it is in its start state, positions whose first
   * bytes begin no pattern (the gram prefilter) are skipped: no match can start there; where the
   * shortest pattern allows, the {@linkplain Automaton#strideBits stride prefilter} first rules out
   * whole runs of positions with one test (never the last {@code stride + 3} positions of the chunk, so
   * a pattern's start cut by the chunk's end is found by the gram prefilter as before). Every
   * {@link #STEPS} bytes in the automaton, if the current state is shallower than a gram, scanning
   * goes back to skipping from where that state's prefix began. Those few bytes were all read on the
   * table's fast path, whose states have no output ({@link Automaton}), so no match ends in them: reading
   * them again reports nothing twice. The prefix began within the {@code STEPS} bytes just read
   * ({@code depth < gramLength <= 4 < STEPS}), so never before {@code from}.
   */
  private void scan(byte[] b, int from, int to) throws IOException {
    final Automaton a = automaton;
    final int[] table = a.table;
    final int[] byteClass = a.byteClass;
    final int width = a.width;
    final int numDense = a.numDense;
    final long[] bits = a.gramBits;
    final boolean skipping = bits != null;
    final int gramMask = a.gramMask;
    final int gramShift = a.gramShift;
    final int gramLength = a.gramLength;
    final byte[] denseDepth = a.denseDepth;
    final long[] strideBits = a.strideBits;
    final int stride = a.stride;
    final int strideShift = a.strideShift;
    int s = state;
    int i = from;
    while (i < to) {
      if (s == 0 && skipping) {
        int limit = to - 4;
        if (strideBits != null) {
          // every position in [i, i + stride) is tested one by one only where the stride gram hits
          int strideLimit = to - stride - 3;
          while (i <= strideLimit) {
            int h = Automaton.gramHash((int) INT.get(b, i + stride - 1), strideShift);
            if ((strideBits[h >>> 6] & (1L << h)) == 0) {
              i += stride;
              continue;
            }
            int end = i + stride;
            while (i < end) {
              int g = Automaton.gramHash((int) INT.get(b, i) & gramMask, gramShift);
              if ((bits[g >>> 6] & (1L << g)) != 0) {
                break;
              }
              i++;
            }
            if (i < end) {
              break;
            }
          }
        }
        while (i <= limit) {
          int h = Automaton.gramHash((int) INT.get(b, i) & gramMask, gramShift);
          if ((bits[h >>> 6] & (1L << h)) != 0) {
            break;
          }
          i++;
        }
      }
      if (s < numDense) {
        int row = s * width;
        int stop = Math.min(to, i + STEPS);
        int t = row;
        while (i < stop) {
          t = table[row + byteClass[b[i++] & 0xff]];
          if (t < 0) {
            break;
          }
          row = t;
        }
        if (t >= 0) {
          s = row / width;
          int d = denseDepth[s];
          if (d < gramLength && i < to) {
            i -= d;
            s = 0;
          }
          continue;
        }
        s = ~t;
      } else {
        s = a.next(s, b[i++] & 0xff);
      }
      int length = a.output(s);
      if (length != 0) {
        long end = chunkPosition + (i - chunkOffset);
        addMatch(end - length, end);
        if (tail - head >= MAX_PENDING_INTERVALS) {
          release(end - a.depth(s));
        }
      }
    }
    state = s;
  }

  private void addMatch(long start, long end) {
    while (tail > head && intervals[2 * tail - 1] >= start) {
      start = Math.min(start, intervals[2 * tail - 2]);
      tail--;
    }
    if (2 * tail >= intervals.length) {
      // full: move the pending ones to the front if any were written, else double the room
      if (head > 0) {
        System.arraycopy(intervals, 2 * head, intervals, 0, 2 * (tail - head));
        tail -= head;
        head = 0;
      } else {
        intervals = Arrays.copyOf(intervals, intervals.length * 2);
      }
    }
    intervals[2 * tail] = start;
    intervals[2 * tail + 1] = end;
    tail++;
  }

  /** Writes everything before {@code bound}, plus any masked run that starts at or before it. */
  private void release(long bound) throws IOException {
    while (head < tail) {
      long start = intervals[2 * head];
      long end = intervals[2 * head + 1];
      if (start > bound) {
        break;
      }
      if (start > released) {
        writePlain(released, start);
        released = start;
        lastReleasedMasked = false;
      }
      // a pending run always ends after what is written (matches are found in the order of their ends)
      if (!lastReleasedMasked) {
        out.write(replacement);
        lastReleasedMasked = true;
      }
      released = Math.max(released, end);
      head++;
      bound = Math.max(bound, end);
    }
    if (head == tail) {
      head = 0;
      tail = 0;
    }
    if (bound > released) {
      writePlain(released, bound);
      released = bound;
      lastReleasedMasked = false;
    }
  }

  private void writePlain(long from, long to) throws IOException {
    if (from < chunkPosition) {
      long carryEnd = Math.min(to, chunkPosition);
      out.write(carry, (int) (from - carryPosition), (int) (carryEnd - from));
      from = carryEnd;
    }
    if (from < to) {
      out.write(chunk, chunkOffset + (int) (from - chunkPosition), (int) (to - from));
    }
  }

  /** For tests: the buffer of held-back bytes (wiped on close). */
  byte[] carryBuffer() {
    return carry;
  }

  /** For tests: room for pending masked intervals (bounded by the cap whatever one write holds). */
  int pendingCapacity() {
    return intervals.length / 2;
  }

  /** For tests: masked runs found and not yet written. */
  int pendingRuns() {
    return tail - head;
  }

  /** Moves the bytes {@code [released, position)} into {@link #carry} for the next write. */
  private void keepUnreleased() {
    int keep = (int) (position - released);
    if (keep > carry.length) {
      byte[] old = carry;
      carry = Arrays.copyOf(old, Math.max(keep, old.length * 2));
      Arrays.fill(old, (byte) 0);
    }
    int fromCarry = 0;
    if (released < chunkPosition) {
      fromCarry = (int) (chunkPosition - released);
      System.arraycopy(carry, (int) (released - carryPosition), carry, 0, fromCarry);
    }
    long chunkStart = Math.max(released, chunkPosition);
    System.arraycopy(chunk, chunkOffset + (int) (chunkStart - chunkPosition), carry, fromCarry,
        keep - fromCarry);
    carryPosition = released;
  }
}
