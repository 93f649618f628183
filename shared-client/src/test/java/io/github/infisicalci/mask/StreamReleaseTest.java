package io.github.infisicalci.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.SecretValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What reaches the underlying stream besides the masked text: how many writes, of what length, and what
 * the stream keeps in memory (pending masked runs, held-back bytes) while it waits for more input.
 */
class StreamReleaseTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Masker raw(String... secrets) {
    Masker.Builder b = Masker.builder().forms(Set.of(EncodedForm.RAW));
    for (int i = 0; i < secrets.length; i++) {
      b.add("S" + i, SecretValue.of(secrets[i]));
    }
    return b.build();
  }

  /** Records every write that reaches it; a zero-length write is a test failure. */
  private static final class RecordingStream extends OutputStream {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int writes;

    @Override
    public void write(int b) {
      writes++;
      bytes.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      assertTrue(len > 0, "empty write at " + bytes.size());
      writes++;
      bytes.write(b, off, len);
    }

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  /**
   * However many matches one write holds, each while a longer secret could still start before it, the
   * stream keeps room for at most {@link MaskingOutputStream#MAX_PENDING_INTERVALS} pending masked runs
   * (when the runs lie before the held-back bytes): it writes the older ones out within the write and
   * reuses the room they took.
   */
  @Test
  void pendingMaskedRunsNeverNeedMoreRoomThanTheCap() throws IOException {
    int cap = MaskingOutputStream.MAX_PENDING_INTERVALS;
    // "abc" is a secret, and every "xxabc" could still become "xxabcyy": each match stays pending a while
    Masker m = raw("abc", "xxabcyy");
    String text = "xxabc ".repeat(5000) + "abc ".repeat(5000) + "xxabcyy.";
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    MaskingOutputStream out = (MaskingOutputStream) m.wrap(sink);
    byte[] in = bytes(text);
    int half = in.length / 2;
    out.write(in, 0, half);
    assertTrue(out.pendingCapacity() <= cap, "room for " + out.pendingCapacity() + " pending runs");
    out.write(in, half, in.length - half);
    assertTrue(out.pendingCapacity() <= cap, "room for " + out.pendingCapacity() + " pending runs");
    out.close();
    assertEquals("xx*** ".repeat(5000) + "*** ".repeat(5000) + "***.", sink.toString(StandardCharsets.UTF_8));
  }

  /**
   * Pending runs move to the front of their buffer when the older ones are written: with two or three
   * runs still pending (inside a possible {@code xabc-abc-abc-yy}) at that moment, all of them stay, in order.
   */
  @Test
  void severalPendingRunsSurviveTheBufferBeingCompacted() throws IOException {
    Masker m = raw("abc", "xabc-abc-abc-yy");
    Random rnd = new Random(11);
    String[] groups = {"xabc-", "xabc-abc-", "xabc-abc-abc-"};
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 4000; i++) {
      text.append(groups[rnd.nextInt(groups.length)]).append(' ');
    }
    byte[] in = bytes(text.toString());
    byte[] expected = OracleMasker.mask(in, List.of(bytes("abc"), bytes("xabc-abc-abc-yy")), bytes("***"));
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    MaskingOutputStream out = (MaskingOutputStream) m.wrap(sink);
    out.write(in);
    assertTrue(out.pendingCapacity() <= MaskingOutputStream.MAX_PENDING_INTERVALS);
    out.close();
    assertEquals(new String(expected, StandardCharsets.UTF_8), sink.toString(StandardCharsets.UTF_8));
  }

  /** Matches that touch are one pending masked run, however many there are. */
  @Test
  void touchingMatchesAreOnePendingRun() throws IOException {
    String longer = "Q" + "abc".repeat(400);
    Masker m = raw("abc", longer);
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    MaskingOutputStream out = (MaskingOutputStream) m.wrap(sink);
    out.write(bytes("Q" + "abc".repeat(300)));
    assertEquals(1, out.pendingRuns(), "300 touching matches inside a possible longer secret");
    assertEquals("", sink.toString(StandardCharsets.UTF_8));
    out.write(bytes("."));
    assertEquals(0, out.pendingRuns());
    out.close();
    assertEquals("Q***.", sink.toString(StandardCharsets.UTF_8));
  }

  /**
   * One write's output reaches the underlying stream in one write per run: the plain text between two
   * masked runs is not cut where a possible longer secret began, as long as fewer masked runs than the
   * cap are pending (counting the ones an earlier write left pending).
   */
  @Test
  void oneUnderlyingWritePerRunWhileFewerThanTheCapArePending() throws IOException {
    Masker m = raw("abc", "xxabcyy");
    RecordingStream sink = new RecordingStream();
    MaskingOutputStream out = (MaskingOutputStream) m.wrap(sink);
    out.write(bytes("xxabc ".repeat(200)));
    // "xx" "***" " xx" "***" ... " xx" "***" " ": all final (the text ends outside any secret)
    assertEquals("xx*** ".repeat(200), sink.text());
    assertEquals(1 + 2 * 199 + 2, sink.writes);
    assertEquals(0, out.pendingRuns());
    int before = sink.writes;
    out.write(bytes("xxabc ".repeat(10) + "xxabc"));
    // the last "xxabc" waits: it may become "xxabcyy"
    assertEquals("xx*** ".repeat(210), sink.text());
    assertEquals(1 + 2 * 9 + 2, sink.writes - before);
    assertEquals(1, out.pendingRuns(), "the last match, inside a possible xxabcyy");
    before = sink.writes;
    // 250 more matches: with the one pending still fewer than the cap
    out.write(bytes(" " + "xxabc ".repeat(249) + "xxabc"));
    assertEquals("xx*** ".repeat(460), sink.text());
    // "xx" (the rest of the run the held-back bytes cut), then "***" " xx" 249 times, "***" " "
    assertEquals(1 + 2 * 249 + 2, sink.writes - before);
    out.close();
    assertEquals("xx*** ".repeat(460) + "xx***", sink.text());
  }

  /**
   * Every write reaching the underlying stream carries at least one byte, for every split of the input,
   * flushes in between, and matches that touch, nest or end exactly where a write ends.
   */
  @Test
  void noEmptyWriteReachesTheUnderlyingStream() throws IOException {
    Random rnd = new Random(31);
    String[] words = {"abc", "bcd", "abcdef", "cdefab", "x", " ", "\n", "ab", "cd", "ef", "abcabc"};
    for (int round = 0; round < 300; round++) {
      Masker m = round % 2 == 0 ? raw("abc", "bcd", "cdefab") : Masker.builder()
          .forms(EnumSet.of(EncodedForm.RAW, EncodedForm.BASE64)).add("K", SecretValue.of("abcdef-ghij"))
          .add("L", SecretValue.of("cdefab")).build();
      StringBuilder sb = new StringBuilder();
      for (int i = 0, n = rnd.nextInt(40); i < n; i++) {
        sb.append(rnd.nextInt(6) == 0 ? "YWJjZGVmLWdoaWo" : words[rnd.nextInt(words.length)]);
      }
      byte[] in = bytes(sb.toString());
      RecordingStream sink = new RecordingStream();
      OutputStream out = m.wrap(sink);
      int at = 0;
      while (at < in.length) {
        int n = Math.min(in.length - at, 1 + rnd.nextInt(rnd.nextBoolean() ? 3 : 20));
        if (n == 1 && rnd.nextBoolean()) {
          out.write(in[at]);
        } else {
          out.write(in, at, n);
        }
        at += n;
        if (rnd.nextInt(4) == 0) {
          out.write(in, at, 0);
          out.flush();
        }
      }
      out.close();
      assertEquals(new String(m.mask(in), StandardCharsets.UTF_8), sink.text(), "round " + round);
    }
  }

  /** Held-back bytes that end one write and decide nothing yet are written with the next write's. */
  @Test
  void aWriteThatEndsAMaskedRunAndTheNextOneStartingAnotherWriteOneReplacement() throws IOException {
    Masker m = raw("abc", "def");
    RecordingStream sink = new RecordingStream();
    OutputStream out = m.wrap(sink);
    out.write(bytes("abc"));
    assertEquals("***", sink.text(), "a complete secret with nothing longer possible is written at once");
    out.write(bytes("def"));
    out.write(bytes("abc-"));
    out.close();
    assertEquals("***-", sink.text(), "touching matches in separate writes are one masked run");
    assertEquals(2, sink.writes, "one replacement, one plain byte");
  }

  /** The buffer of held-back bytes is replaced only when they do not fit, and then at least doubles. */
  @Test
  void heldBackBytesFillTheBufferBeforeItGrowsAndItGrowsGeometrically() throws IOException {
    String secret = "0123456789".repeat(50);
    Masker m = raw(secret);
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    MaskingOutputStream out = (MaskingOutputStream) m.wrap(sink);
    byte[] first = out.carryBuffer();
    byte[] s = bytes(secret);
    out.write(s, 0, first.length);
    assertSame(first, out.carryBuffer(), first.length + " held-back bytes fit the buffer they started in");
    Set<byte[]> buffers = Collections.newSetFromMap(new IdentityHashMap<>());
    buffers.add(out.carryBuffer());
    for (int i = first.length; i < s.length - 1; i++) {
      out.write(s, i, 1);
      buffers.add(out.carryBuffer());
    }
    assertEquals("", sink.toString(StandardCharsets.UTF_8), "a prefix of the secret is held back");
    assertTrue(buffers.size() <= 1 + (int) Math.ceil(Math.log((double) s.length / first.length) / Math.log(2)),
        buffers.size() + " buffers for " + s.length + " held-back bytes");
    out.write(s, s.length - 1, 1);
    out.close();
    assertEquals("***", sink.toString(StandardCharsets.UTF_8));
  }

  /** A buffer outgrown by held-back bytes (a secret's start) is wiped, not left in the heap. */
  @Test
  void anOutgrownBufferOfHeldBackBytesIsWiped() throws IOException {
    String secret = "s3cr3t-".repeat(30);
    MaskingOutputStream out = (MaskingOutputStream) raw(secret).wrap(new ByteArrayOutputStream());
    byte[] s = bytes(secret);
    List<byte[]> buffers = new ArrayList<>();
    for (int i = 0; i < s.length - 1; i++) {
      out.write(s, i, 1);
      if (buffers.isEmpty() || buffers.get(buffers.size() - 1) != out.carryBuffer()) {
        buffers.add(out.carryBuffer());
      }
    }
    assertTrue(buffers.size() >= 2, "the held-back bytes outgrew the first buffer");
    for (byte[] old : buffers.subList(0, buffers.size() - 1)) {
      assertNotSame(out.carryBuffer(), old);
      for (byte b : old) {
        assertEquals(0, b);
      }
    }
    out.close();
  }
}
