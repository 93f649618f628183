package io.github.infisicalci.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.SecretValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MaskerTest {
  private static Masker raw(String... secrets) {
    Masker.Builder b = Masker.builder().forms(Set.of(EncodedForm.RAW));
    for (int i = 0; i < secrets.length; i++) {
      b.add("S" + i, SecretValue.of(secrets[i]));
    }
    return b.build();
  }

  @Test
  void shortValuesAreSkippedByNameAndEmptyOnesIgnored() {
    Masker m = Masker.builder()
        .add("ONE", SecretValue.of("a"))
        .add("EMPTY", SecretValue.empty())
        .add("TWO", SecretValue.of("ab"))
        .add("THREE", SecretValue.of("abc"))
        .add("E_ACUTE", SecretValue.of("é"))
        .add("NIHON", SecretValue.of("日"))
        .build();
    assertEquals(List.of("ONE", "TWO", "E_ACUTE"), m.skippedNames());
    assertEquals("a ab *** é ***", m.mask("a ab abc é 日"));
    assertFalse(m.toString().contains("abc"));
  }

  @Test
  void minLengthIsConfigurable() {
    Masker m = Masker.builder().minLength(1).forms(Set.of(EncodedForm.RAW)).add("X", SecretValue.of("x")).build();
    assertEquals(List.of(), m.skippedNames());
    assertEquals("***y***", m.mask("xyx"));
    Masker strict = Masker.builder().minLength(8).add("X", SecretValue.of("1234567")).build();
    assertEquals(List.of("X"), strict.skippedNames());
  }

  @Test
  void shortGeneratedPatternsAreDroppedButTheRestIsMasked() {
    Masker m = Masker.builder().forms(Set.of(EncodedForm.LINES)).add("K", SecretValue.of("a\nlong-line")).build();
    assertEquals("a ***", m.mask("a long-line"));
  }

  @Test
  void unionOfOverlappingAndNestedMatchesIsOneRun() {
    assertEquals("<***>", raw("abcd", "cdef").mask("<abcdef>"));
    assertEquals("<***>", raw("secret", "ecr").mask("<secret>"));
    assertEquals("x***x", raw("abc").mask("xabcabcx"));
    assertEquals("a***c", raw("bbb").mask("abbbbbc"));
    assertEquals("x***y***z", raw("abc").mask("xabcyabcz"));
  }

  @Test
  void replacementIsConfigurable() {
    Masker m = Masker.builder().replacement("****").add("S", SecretValue.of("topsecret")).build();
    assertEquals("v=****", m.mask("v=topsecret"));
  }

  @Test
  void oneByteWritesGiveTheSameOutput() throws IOException {
    Masker m = raw("password123", "word12", "rd1");
    String text = "my password123 and word12 and passw and password1 password123";
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (OutputStream out = m.wrap(sink)) {
      for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
        out.write(b);
        out.flush();
      }
    }
    assertEquals(m.mask(text), text(sink));
    assertEquals("my *** and *** and passw and passwo*** ***", m.mask(text));
  }

  @Test
  void flushHoldsBackAPossibleSecretPrefixUntilDecided() throws IOException {
    Masker m = raw("s3cr3t-value");
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    OutputStream out = m.wrap(sink);
    out.write(bytes("token: s3cr3t"));
    out.flush();
    assertEquals("token: ", text(sink));
    out.write(bytes("-value done"));
    out.flush();
    assertEquals("token: *** done", text(sink));
    out.write(bytes(" s3c"));
    out.flush();
    assertEquals("token: *** done ", text(sink));
    out.write(bytes("ret"));
    assertEquals("token: *** done s3cret", text(sink));
    out.write(bytes(" s3cr"));
    out.close();
    assertEquals("token: *** done s3cret s3cr", text(sink));
  }

  @Test
  void completeSecretIsReplacedWithoutWaitingForMoreOutput() throws IOException {
    Masker m = raw("s3cr3t-value");
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    OutputStream out = m.wrap(sink);
    out.write(bytes("token: s3cr3t-value"));
    out.flush();
    assertEquals("token: ***", text(sink));
    out.write(bytes("s3cr3t-value\n"));
    out.close();
    assertEquals("token: ***\n", text(sink));
  }

  @Test
  void closeClosesTheUnderlyingStreamAndRefusesMoreWrites() throws IOException {
    boolean[] closed = {false};
    OutputStream target = new ByteArrayOutputStream() {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    OutputStream out = raw("abcdef").wrap(target);
    out.write('a');
    out.close();
    out.close();
    assertTrue(closed[0]);
    assertEquals("a", target.toString());
    assertThrows(IOException.class, () -> out.write('b'));
  }

  @Test
  void deterministicWhateverTheInsertionOrder() {
    String text = "alpha beta gamma alphabet betamax";
    String a = raw("alpha", "beta", "alphabet", "tam").mask(text);
    String b = raw("tam", "alphabet", "beta", "alpha").mask(text);
    assertEquals(a, b);
    assertEquals("*** *** gamma *** ***ax", a);
  }

  @Test
  void bytesAndStringsAgree() {
    Masker m = raw("日本語の秘密");
    byte[] in = "x日本語の秘密y".getBytes(StandardCharsets.UTF_8);
    assertArrayEquals("x***y".getBytes(StandardCharsets.UTF_8), m.mask(in));
  }

  @Test
  void manySecretsIncludingDeepSparseStates() {
    Random rnd = new Random(7);
    List<String> secrets = new ArrayList<>();
    Masker.Builder b = Masker.builder();
    for (int i = 0; i < 3000; i++) {
      StringBuilder s = new StringBuilder();
      for (int k = 0; k < 32; k++) {
        s.append((char) ('a' + rnd.nextInt(26)));
      }
      secrets.add(s.toString());
      b.add("S" + i, SecretValue.of(s.toString()));
    }
    Masker m = b.build();
    StringBuilder text = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 3000; i += 7) {
      String s = secrets.get(i);
      text.append("line ").append(s.substring(0, 20)).append(' ').append(s).append('\n');
      expected.append("line ").append(s.substring(0, 20)).append(" ***\n");
    }
    assertEquals(expected.toString(), m.mask(text.toString()));
  }

  @Test
  void usableFromManyThreads() throws Exception {
    Masker m = raw("concurrent-secret");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        int n = i;
        results.add(pool.submit(() -> m.mask(n + " concurrent-secret " + n)));
      }
      for (int i = 0; i < 64; i++) {
        assertEquals(i + " *** " + i, results.get(i).get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void invalidOptionsAreRejectedWithTheFieldNamed() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Masker.builder().minLength(0))
        .getMessage().contains("minLength"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Masker.builder().replacement(""))
        .getMessage().contains("replacement"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Masker.builder().forms(Set.of()))
        .getMessage().contains("forms"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Masker.builder().add(" ", SecretValue.of("x")))
        .getMessage().contains("name"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Masker.builder().add("DB_PASSWORD", null));
    assertTrue(e.getMessage().contains("DB_PASSWORD"));
  }

  @Test
  void thousandsOfMatchesInOneWriteAgreeWithTheOracle() throws IOException {
    Masker m = raw("abc", "cab", "xyzzy");
    StringBuilder text = new StringBuilder();
    Random rnd = new Random(3);
    String[] parts = {"abc", "cab", "ab", "c", " ", "xyz", "zy", "\n"};
    for (int i = 0; i < 20_000; i++) {
      text.append(parts[rnd.nextInt(parts.length)]);
    }
    byte[] in = text.toString().getBytes(StandardCharsets.UTF_8);
    List<byte[]> patterns = List.of(bytes("abc"), bytes("cab"), bytes("xyzzy"));
    byte[] expected = OracleMasker.mask(in, patterns, bytes("***"));
    assertArrayEquals(expected, m.mask(in));
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (OutputStream out = m.wrap(sink)) {
      out.write(in, 0, 7);
      out.write(in, 7, in.length - 7);
    }
    assertArrayEquals(expected, sink.toByteArray());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(ByteArrayOutputStream sink) {
    return sink.toString(StandardCharsets.UTF_8);
  }

  @Test
  void noSecretsMeansPassThrough() {
    assertEquals("anything", Masker.builder().build().mask("anything"));
  }
}
