package io.github.infisicalci.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.SecretValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Over-masking limits, the replacement-character guarantee, and streaming details a mutant could break. */
class MaskingGuaranteesTest {
  private static Masker raw(String... secrets) {
    Masker.Builder b = Masker.builder().forms(Set.of(EncodedForm.RAW));
    for (int i = 0; i < secrets.length; i++) {
      b.add("S" + i, SecretValue.of(secrets[i]));
    }
    return b.build();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void bareJsonLiteralLinesOfAnArraySecretAreNotPatterns() {
    String array = "[\n  true,\n  null,\n  \"tok-abcdef\"\n]";
    Masker m = Masker.builder().add("FLAGS", SecretValue.of(array)).build();
    assertEquals(List.of("FLAGS"), m.partlyMaskedNames());
    assertEquals("enabled: true,\nvalue: null,\n  ***\n", m.mask("enabled: true,\nvalue: null,\n  \"tok-abcdef\"\n"));
  }

  @Test
  void aBlankSecretIsNotAPatternAndIsNamedAsSkipped() {
    // A value of spaces, tabs or line breaks would otherwise mask every indentation of the log.
    Masker m = Masker.builder().add("INDENT", SecretValue.of("    ")).add("BREAKS", SecretValue.of("\n\t \r\n"))
        .add("TOKEN", SecretValue.of("tok-123")).build();
    assertEquals(List.of("INDENT", "BREAKS"), m.skippedNames());
    assertEquals("    indented\n\t \r\nline ***\n", m.mask("    indented\n\t \r\nline tok-123\n"));
  }

  @Test
  void trivialLinesOfAMultiLineSecretAreNotPatternsAndTheSecretIsNamed() {
    String json = "{\n  \"user\": \"svc-deploy\",\n  \"pass\": \"hunter22\"\n  },\n   \n-- \n}";
    Masker m = Masker.builder().add("SERVICE_JSON", SecretValue.of(json)).add("TOKEN", SecretValue.of("tok-1\n"))
        .build();
    assertEquals(List.of("SERVICE_JSON"), m.partlyMaskedNames(), "an empty last line is not worth a warning");
    assertEquals("  },\n   \n-- \n", m.mask("  },\n   \n-- \n"));
    assertEquals("  ***\n  ***\n", m.mask("  \"user\": \"svc-deploy\",\n  \"pass\": \"hunter22\"\n"));
    assertEquals("[***]", m.mask("[" + json + "]"));
  }

  @Test
  void punctuationLinesOfThreeOrMoreBytesAreNotPatternsButAThreeByteLineWithALetterIs() {
    Masker m = Masker.builder().forms(Set.of(EncodedForm.LINES)).add("P", SecretValue.of("-----\nk=1\n}});"))
        .build();
    assertEquals("----- *** }});", m.mask("----- k=1 }});"));
    assertEquals(List.of("P"), m.partlyMaskedNames());
    assertTrue(m.toString().startsWith("Masker[states="), m.toString());
  }

  @Test
  void linesBelowTheMinimumAfterTrimmingAreNotPatterns() {
    Masker m = Masker.builder().forms(Set.of(EncodedForm.LINES)).add("K", SecretValue.of("  ab  \nlong-line"))
        .build();
    assertEquals("ab ***", m.mask("ab long-line"));
    assertEquals(List.of("K"), m.partlyMaskedNames());
  }

  @Test
  void aSecretStartingWithANewlineMasksItsLineAndItsWholeValue() {
    Masker m = Masker.builder().forms(Set.of(EncodedForm.RAW, EncodedForm.LINES))
        .add("NL", SecretValue.of("\nsecret-line")).build();
    assertEquals("x***", m.mask("x\nsecret-line"));
    assertEquals("x: ***", m.mask("x: secret-line"));
    assertEquals(List.of(), m.partlyMaskedNames());
  }

  @Test
  void shortBase64FragmentsAreBelowTheFragmentFloor() {
    // Base64 of "han" at the three alignments: aGFu, ...hh, ...ha (fragments of 3 or 4 characters)
    Masker m = Masker.builder().forms(Set.of(EncodedForm.BASE64)).add("S", SecretValue.of("han")).build();
    assertEquals("hand aGFu shake", m.mask("hand aGFu shake"));
    Masker low = Masker.builder().forms(Set.of(EncodedForm.BASE64)).fragmentMinLength(3)
        .add("S", SecretValue.of("han")).build();
    assertEquals("hand *** shake", low.mask("hand aGFu shake"));
    Masker longer = Masker.builder().forms(Set.of(EncodedForm.BASE64)).add("S", SecretValue.of("hand-1")).build();
    assertEquals("***", longer.mask("aGFuZC0x"));
    // a fragment exactly as long as the floor is masked: "hand-1" at alignment 0 is aGFuZC0x (8)
    Masker exact = Masker.builder().forms(Set.of(EncodedForm.BASE64)).fragmentMinLength(8)
        .add("S", SecretValue.of("hand-1")).build();
    assertEquals("x *** x", exact.mask("x aGFuZC0x x"));
  }

  @Test
  void secretsMadeOfTheReplacementsCharactersAreMaskedAndMayReappearOnlyNextToAReplacement() {
    Masker m = Masker.builder().forms(Set.of(EncodedForm.RAW)).add("STARS", SecretValue.of("****"))
        .add("OTHER", SecretValue.of("xyz")).build();
    assertEquals("a*** b", m.mask("a**** b"));
    assertEquals("***", m.mask("*******"));
    // "***" of the input next to a masked run: the output holds "****", made with the replacement
    String out = m.mask("***xyz");
    assertEquals("******", out);
    OracleMasker.Result r = OracleMasker.maskMarked(bytes("***xyz"), List.of(bytes("****"), bytes("xyz")), bytes("***"));
    assertEquals(0, OracleMasker.leaks(r, List.of(bytes("****"), bytes("xyz"))));
  }

  /** Held-back bytes released in part across three writes keep their order (the carry is moved). */
  @Test
  void heldBackBytesPartlyReleasedAcrossThreeWrites() throws IOException {
    Masker m = raw("abcd", "bcef");
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (OutputStream out = m.wrap(sink)) {
      out.write(bytes("abc"));
      assertEquals("", sink.toString(StandardCharsets.UTF_8));
      out.write(bytes("e"));
      assertEquals("a", sink.toString(StandardCharsets.UTF_8));
      out.write(bytes("g"));
    }
    assertEquals("abceg", sink.toString(StandardCharsets.UTF_8));
  }

  @Test
  void flushReachesTheUnderlyingStream() throws IOException {
    int[] flushes = {0};
    OutputStream target = new ByteArrayOutputStream() {
      @Override
      public void flush() {
        flushes[0]++;
      }
    };
    OutputStream out = raw("abcdef").wrap(target);
    out.write(bytes("xyz"));
    out.flush();
    assertEquals(1, flushes[0]);
    assertEquals("xyz", target.toString());
  }

  @Test
  void pendingMatchesStayBoundedWhateverOneWriteHolds() throws IOException {
    Masker m = raw("abc");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append("abc ");
    }
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    MaskingOutputStream out = (MaskingOutputStream) m.wrap(sink);
    out.write(bytes(text.toString()));
    assertTrue(out.pendingCapacity() >= 16 && out.pendingCapacity() <= 512, "pending capacity " + out.pendingCapacity());
    out.close();
    assertEquals("*** ".repeat(20_000), sink.toString(StandardCharsets.UTF_8));
  }

  @Test
  void buildWipesEveryPatternItMadeAndCloseWipesHeldBackBytes() throws IOException {
    List<byte[]> generated = new ArrayList<>();
    Masker m = Masker.builder().add("A", SecretValue.of("s3cr3t value")).add("B", SecretValue.of("s3cr3t value"))
        .build(generated);
    assertTrue(generated.size() > 10, "all forms make many patterns, duplicates included");
    for (byte[] p : generated) {
      for (byte b : p) {
        assertEquals(0, b);
      }
    }
    assertEquals("x ***", m.mask("x s3cr3t value"));
    MaskingOutputStream out = (MaskingOutputStream) m.wrap(new ByteArrayOutputStream());
    out.write(bytes("s3cr3t val"));
    assertTrue(new String(out.carryBuffer(), StandardCharsets.UTF_8).startsWith("s3cr3t val"));
    out.close();
    for (byte b : out.carryBuffer()) {
      assertEquals(0, b);
    }
  }

  @Test
  void defaultFormsLeaveOutHexAndUtf16ButTheyCanBeAdded() {
    assertFalse(Masker.DEFAULT_FORMS.contains(EncodedForm.HEX));
    assertFalse(Masker.DEFAULT_FORMS.contains(EncodedForm.BASE64_UTF16LE));
    assertTrue(Masker.DEFAULT_FORMS.contains(EncodedForm.BASE64_WRAPPED));
    assertEquals("6b337921", Masker.builder().add("K", SecretValue.of("k3y!")).build().mask("6b337921"));
  }
}
