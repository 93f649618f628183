package io.github.infisicalci.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.SecretValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the stream has written after each write, byte for byte, against its specification: every byte
 * before {@code position - d} is written (masked), where {@code d} is the length of the longest end of
 * the input so far that begins some pattern, and a masked run that starts by then is written whole. The
 * prefilters (one gram per position, and the stride that rules out runs of positions) must never change
 * it: the cases have long patterns, so the stride is on, and writes that cut patterns anywhere.
 */
class HeldBackBytesTest {
  private static final byte[] REPLACEMENT = "***".getBytes(StandardCharsets.UTF_8);

  @Test
  void writtenBytesAfterEveryWriteAreExactlyWhatIsFinal() throws IOException {
    Random rnd = new Random(20261202L);
    for (int round = 0; round < 400; round++) {
      List<String> secrets = new ArrayList<>();
      int count = 1 + rnd.nextInt(6);
      for (int i = 0; i < count; i++) {
        secrets.add(random(rnd, "abcAB", 5 + rnd.nextInt(round % 2 == 0 ? 6 : 30)));
      }
      Set<EncodedForm> forms = round % 3 == 0 ? EnumSet.of(EncodedForm.RAW)
          : EnumSet.of(EncodedForm.RAW, EncodedForm.BASE64, EncodedForm.BASE64_WRAPPED);
      Masker.Builder builder = Masker.builder().forms(forms);
      List<byte[]> patterns = new ArrayList<>();
      for (int i = 0; i < secrets.size(); i++) {
        builder.add("S" + i, SecretValue.of(secrets.get(i)));
        patterns.addAll(PatternGenerator.patterns(secrets.get(i), forms, 3, 6));
      }
      Masker masker = builder.build();
      byte[] input = text(rnd, secrets, patterns);
      check(masker, patterns, input, rnd, "round " + round);
    }
  }

  private static void check(Masker masker, List<byte[]> patterns, byte[] input, Random rnd, String what)
      throws IOException {
    Set<String> prefixes = new HashSet<>();
    int maxLen = 0;
    for (byte[] p : patterns) {
      maxLen = Math.max(maxLen, p.length);
      for (int k = 1; k <= p.length; k++) {
        prefixes.add(new String(p, 0, k, StandardCharsets.ISO_8859_1));
      }
    }
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    OutputStream out = masker.wrap(sink);
    int at = 0;
    while (at < input.length) {
      int n = rnd.nextInt(5) == 0 ? 1 + rnd.nextInt(input.length - at)
          : Math.min(input.length - at, 1 + rnd.nextInt(12));
      out.write(input, at, n);
      at += n;
      String expected = expectedAfter(input, at, patterns, prefixes, maxLen);
      assertEquals(expected, sink.toString(StandardCharsets.ISO_8859_1), what + ": after " + at + " bytes");
    }
    out.close();
    assertTrue(sink.size() > 0 || input.length == 0);
  }

  /** The specification: masks from matches within {@code input[0, x)}, written up to the release bound. */
  private static String expectedAfter(byte[] input, int x, List<byte[]> patterns, Set<String> prefixes,
      int maxLen) {
    String text = new String(input, 0, x, StandardCharsets.ISO_8859_1);
    boolean[] masked = new boolean[x];
    for (byte[] p : patterns) {
      String s = new String(p, StandardCharsets.ISO_8859_1);
      for (int from = text.indexOf(s); from >= 0; from = text.indexOf(s, from + 1)) {
        for (int k = from; k < from + s.length(); k++) {
          masked[k] = true;
        }
      }
    }
    int held = 0;
    for (int k = Math.min(x, maxLen); k > 0; k--) {
      if (prefixes.contains(text.substring(x - k))) {
        held = k;
        break;
      }
    }
    int bound = x - held;
    // a masked run that starts at or before the bound is written whole, which moves the bound
    for (int k = 0; k < x; k++) {
      if (masked[k] && k <= bound) {
        int end = k;
        while (end < x && masked[end]) {
          end++;
        }
        bound = Math.max(bound, end);
        k = end - 1;
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < bound; k++) {
      if (!masked[k]) {
        sb.append(text.charAt(k));
      } else if (k == 0 || !masked[k - 1]) {
        sb.append(new String(REPLACEMENT, StandardCharsets.ISO_8859_1));
      }
    }
    return sb.toString();
  }

  private static byte[] text(Random rnd, List<String> secrets, List<byte[]> patterns) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int pieces = 5 + rnd.nextInt(30);
    for (int i = 0; i < pieces; i++) {
      switch (rnd.nextInt(5)) {
        case 0 -> out.writeBytes(secrets.get(rnd.nextInt(secrets.size())).getBytes(StandardCharsets.UTF_8));
        case 1 -> {
          byte[] p = patterns.get(rnd.nextInt(patterns.size()));
          out.write(p, 0, 1 + rnd.nextInt(p.length));
        }
        case 2 -> out.writeBytes(patterns.get(rnd.nextInt(patterns.size())));
        default -> out.writeBytes(random(rnd, "abcAB \n=", rnd.nextInt(20)).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  private static String random(Random rnd, String alphabet, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
