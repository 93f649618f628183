package io.github.infisicalci.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.infisicalci.client.SecretValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each {@link EncodedForm} masks what a real encoder produces from text containing the secret. */
class EncodedFormTest {
  private static Masker only(EncodedForm form, String secret) {
    return Masker.builder().forms(Set.of(form)).replacement("#").add("S", SecretValue.of(secret)).build();
  }

  /**
   * Wrapped lines start only at a 4-character group of the encoding (76 and 64 are multiples of 4), so a
   * 64-byte secret needs a window per group and alignment, not one per encoded character (was 264).
   */
  @Test
  void wrappedBase64HasAWindowPerGroupNotPerCharacter() {
    String secret = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+/";
    int patterns = PatternGenerator.patterns(secret, EnumSet.of(EncodedForm.BASE64_WRAPPED), 3, 6).size();
    assertTrue(patterns <= 3 * (86 / 4 + 6), "patterns: " + patterns);
  }

  @Test
  void rawMasksEveryOccurrenceAndNothingElse() {
    Masker m = only(EncodedForm.RAW, "hunter2");
    assertEquals("pw=# again # end hunter", m.mask("pw=hunter2 again hunter2 end hunter"));
  }

  @Test
  void rawLeavesEncodedFormsAlone() {
    Masker m = only(EncodedForm.RAW, "a b'c");
    assertEquals("a+b%27c", m.mask("a+b%27c"));
  }

  @Test
  void linesMasksEachLineOfAMultiLineValueLfAndCrlf() {
    Masker m = only(EncodedForm.LINES, "-----BEGIN KEY-----\r\nMIIBOgIBAAJBAK\r\nx\n-----END KEY-----");
    assertEquals("line: #\nline: #\nline: x\n#",
        m.mask("line: -----BEGIN KEY-----\nline: MIIBOgIBAAJBAK\nline: x\n-----END KEY-----"));
  }

  @Test
  void linesWithoutNewlineAddsNothing() {
    assertEquals("single-line", only(EncodedForm.LINES, "single-line").mask("single-line"));
  }

  @Test
  void rawMasksAMultiLineValueWhole() {
    Masker m = only(EncodedForm.RAW, "one-line\ntwo-line");
    assertEquals("[#]", m.mask("[one-line\ntwo-line]"));
    assertEquals("one-line\n", m.mask("one-line\n"));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void base64AtEveryOffsetPaddedAndUnpadded(boolean urlSafe) {
    Random rnd = new Random(42);
    EncodedForm form = urlSafe ? EncodedForm.BASE64_URL : EncodedForm.BASE64;
    for (int trial = 0; trial < 40; trial++) {
      byte[] secret = new byte[6 + rnd.nextInt(40)];
      for (int i = 0; i < secret.length; i++) {
        secret[i] = (byte) (0x21 + rnd.nextInt(0x5d));
      }
      String secretText = new String(secret, StandardCharsets.US_ASCII);
      Masker m = only(form, secretText);
      for (int before = 0; before <= 5; before++) {
        for (int after = 0; after <= 3; after++) {
          byte[] data = new byte[before + secret.length + after];
          rnd.nextBytes(data);
          System.arraycopy(secret, 0, data, before, secret.length);
          Base64.Encoder enc = urlSafe ? Base64.getUrlEncoder() : Base64.getEncoder();
          for (Base64.Encoder e : new Base64.Encoder[] {enc, enc.withoutPadding()}) {
            String encoded = e.encodeToString(data);
            int first = (8 * before + 5) / 6;
            int last = (8 * (before + secret.length)) / 6;
            String masked = m.mask(encoded);
            String context = "trial " + trial + " offset " + before + " after " + after;
            assertEquals(encoded.substring(0, first), masked.substring(0, first), context);
            assertEquals(first, masked.indexOf('#'), context);
            String rest = masked.substring(first + 1);
            if (after > 0) {
              // the character that mixes the secret's last bits with the next byte stays, unless it
              // happens to equal the one the secret alone would end with (then it is masked too)
              String tail = encoded.substring(last);
              assertTrue(tail.endsWith(rest) && rest.length() >= tail.length() - 1, context + ": " + rest);
            } else {
              assertFalse(rest.chars().anyMatch(c -> c != '='), context + ": " + rest);
            }
          }
        }
      }
    }
  }

  @Test
  void base64OfWholeValueIsMaskedCompletely() {
    String secret = "correct horse battery staple";
    Masker m = Masker.builder().forms(EnumSet.of(EncodedForm.BASE64)).replacement("#")
        .add("S", SecretValue.of(secret)).build();
    String encoded = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
    assertEquals("Authorization: Basic #", m.mask("Authorization: Basic " + encoded));
  }

  @Test
  void jsonMasksWhatJacksonAndAsciiOnlyEncodersWrite() throws Exception {
    String secret = "p\"ä\\s\ns\t\u0001日";
    Masker m = only(EncodedForm.JSON, secret);
    String jackson = new ObjectMapper().writeValueAsString(java.util.Map.of("k", secret));
    assertEquals("{\"k\":\"#\"}", m.mask(jackson));
    String asciiOnly = "{\"k\": \"p\\\"\\u00e4\\\\s\\ns\\t\\u0001\\u65e5\"}";
    assertEquals("{\"k\": \"#\"}", m.mask(asciiOnly));
  }

  @Test
  void urlMasksFormAndRfc3986Encoding() {
    String secret = "a b+c/d~e*f=ü";
    Masker m = only(EncodedForm.URL, secret);
    String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    assertEquals("?p=#&x=1", m.mask("?p=" + form + "&x=1"));
    assertEquals("https://u:#@h/", m.mask("https://u:a%20b%2Bc%2Fd~e%2Af%3D%C3%BC@h/"));
  }

  @Test
  void shellSingleQuoteBothStyles() {
    Masker m = only(EncodedForm.SHELL_SINGLE_QUOTE, "it's-a'secret");
    assertEquals("echo '#'", m.mask("echo 'it'\\''s-a'\\''secret'"));
    assertEquals("echo '#'", m.mask("echo 'it'\"'\"'s-a'\"'\"'secret'"));
  }

  @Test
  void dollarDoubled() {
    Masker m = only(EncodedForm.DOLLAR_DOUBLED, "pa$w$rd");
    assertEquals("X=#;", m.mask("X=pa$$w$$rd;"));
  }

  @Test
  void defaultFormsCoverAllOfThem() {
    Masker m = Masker.builder().replacement("#").add("S", SecretValue.of("it's $ecret")).build();
    assertEquals("# # # # #", m.mask("it's $ecret it'\\''s $ecret it's $$ecret it%27s+%24ecret "
        + Base64.getEncoder().encodeToString("it's $ecret".getBytes(StandardCharsets.UTF_8))));
  }
}
