package io.github.infisicalci.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.SecretValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Masked output of single forms at the edges of their spellings, through the public API. */
class SpellingEdgesTest {
  private static Masker only(EncodedForm form, String secret) {
    return Masker.builder().forms(Set.of(form)).add("S", SecretValue.of(secret)).build();
  }

  /** A token no JSON or URL encoder changes is still masked when that form is the only one. */
  @Test
  void aValueNoEncoderChangesIsMaskedByTheJsonOrUrlFormAlone() {
    String token = "plain-Token_42.x";
    assertEquals("{\"t\":\"***\"}", only(EncodedForm.JSON, token).mask("{\"t\":\"" + token + "\"}"));
    assertEquals("?t=***&u=1", only(EncodedForm.URL, token).mask("?t=" + token + "&u=1"));
  }

  /**
   * The Base64 forms make each pattern once: three alignments, and the run to the end of the encoding
   * only where it differs from the secret-only run (a last character that mixes in zero bits).
   */
  @Test
  void base64FormsMakeNoPatternTwice() {
    Random rnd = new Random(3);
    String pool = "abcXYZ019-_+/=. é日😀";
    for (int round = 0; round < 300; round++) {
      int length = 5 + round % 40;
      StringBuilder value = new StringBuilder();
      while (value.length() < length) {
        value.appendCodePoint(pool.codePointAt(pool.offsetByCodePoints(0, rnd.nextInt(pool.codePointCount(0, pool.length())))));
      }
      for (EncodedForm form : EnumSet.of(EncodedForm.BASE64, EncodedForm.BASE64_URL, EncodedForm.BASE64_UTF16LE)) {
        List<byte[]> patterns = PatternGenerator.patterns(value.toString(), EnumSet.of(form), 3,
            Masker.Builder.DEFAULT_FRAGMENT_MIN_LENGTH);
        long distinct = patterns.stream().map(p -> new String(p, StandardCharsets.ISO_8859_1)).distinct().count();
        assertEquals(patterns.size(), distinct, form + " of a value of " + value.length() + " chars");
        assertTrue(patterns.size() >= 3, form + ": a pattern per alignment");
      }
    }
  }

  /**
   * Within a URL style the upper-case hex spelling comes first (RFC 3986's recommendation, what Java,
   * Python, JavaScript, PHP, Go and .NET write): it is the one kept by a caller that keeps only the first
   * spellings (the action registers at most 200 masks a secret).
   */
  @Test
  void urlSpellingsListUpperCaseHexBeforeLowerCase() {
    List<String> spellings = Spellings.of(SecretValue.of("a/b"), EnumSet.of(EncodedForm.URL)).stream()
        .map(SecretValue::reveal).toList();
    assertEquals(List.of("a%2Fb", "a%2fb", "a/b"), spellings);
  }

  /**
   * A secret in the middle of Base64 data wrapped in lines: the piece of its secret-only characters on
   * each line is masked to its last character, also where that piece does not end at a 4-character
   * group; the characters that mix in the next byte's bits stay.
   */
  @Test
  void wrappedBase64PieceEndingInsideAGroupIsMaskedToItsLastSecretCharacter() {
    Random rnd = new Random(7);
    int checked = 0;
    for (int before = 36; before < 46; before++) {
      for (int size = 24; size < 33; size++) {
        byte[] secret = new byte[size];
        for (int i = 0; i < size; i++) {
          secret[i] = (byte) ('a' + rnd.nextInt(26));
        }
        byte[] data = new byte[before + size + 20];
        rnd.nextBytes(data);
        System.arraycopy(secret, 0, data, before, size);
        // a next byte with high bits set: the mixed character differs from the end-of-data one
        data[before + size] = (byte) 0xff;
        String flat = Base64.getEncoder().encodeToString(data);
        int first = (8 * before + 5) / 6;
        int end = 8 * (before + size) / 6;
        if (first >= 64 - 8 || end <= 64 + 8 || end % 4 == 0) {
          continue;
        }
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < flat.length(); i += 64) {
          lines.append(flat, i, Math.min(flat.length(), i + 64)).append('\n');
        }
        String wrapped = lines.toString();
        Masker m = only(EncodedForm.BASE64_WRAPPED, new String(secret, StandardCharsets.US_ASCII));
        // the secret's characters [first, end) cross the first line break (one '\n' before end)
        String expected = flat.substring(0, first) + "***\n***" + wrapped.substring(end + 1);
        assertEquals(expected, m.mask(wrapped), "offset " + before + " size " + size);
        checked++;
      }
    }
    assertTrue(checked > 20, checked + " cases");
  }

  /**
   * The last line of wrapped, padded Base64 ending with a secret: its padding does not count towards the
   * fragment floor. With a floor of 8, a last line of 6 characters and {@code ==} is left alone (it holds
   * or 7 characters that depend on the secret); with the default floor of 6 it is masked.
   */
  @Test
  void paddingOfTheLastWrappedLineDoesNotCountTowardsTheFragmentFloor() {
    // 40 + 12 bytes: 72 characters, the last line (8 of them at 64 columns) is "XXXXXX==";
    // the secret's characters start at 54, so 10 of them end the first line
    for (int before : new int[] {40, 41, 42}) {
      byte[] secret = "k3y-of-12b!!".getBytes(StandardCharsets.US_ASCII);
      byte[] data = new byte[before + secret.length];
      new Random(before).nextBytes(data);
      System.arraycopy(secret, 0, data, before, secret.length);
      String flat = Base64.getEncoder().encodeToString(data);
      int lastLine = flat.length() / 64 * 64;
      String last = flat.substring(lastLine);
      int alphabet = last.replace("=", "").length();
      String wrapped = flat.substring(0, lastLine) + "\n" + last + "\n";
      String value = new String(secret, StandardCharsets.US_ASCII);
      Masker floor8 = Masker.builder().forms(Set.of(EncodedForm.BASE64_WRAPPED)).fragmentMinLength(8)
          .add("S", SecretValue.of(value)).build();
      Masker floor6 = only(EncodedForm.BASE64_WRAPPED, value);
      int first = (8 * before + 5) / 6;
      String where = "offset " + before + ", last line " + last;
      if (alphabet < 8 && last.length() == 8) {
        assertEquals(flat.substring(0, first) + "***\n" + last + "\n", floor8.mask(wrapped), where);
      }
      // at the default floor the last line is masked whole (a short piece with the line break before it)
      String masked = floor6.mask(wrapped);
      assertTrue(masked.startsWith(flat.substring(0, first) + "***") && masked.endsWith("***\n"), where);
    }
  }
}
