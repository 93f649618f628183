package io.github.infisicalci.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.SecretValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Masked output at the edges mutation testing found untested, stated through the public API only
 * ({@link Masker}, its builder and {@link Masker#wrap}), so that they hold whatever the engine's inside.
 */
class MaskedOutputEdgesTest {
  private static Masker only(EncodedForm form, String secret) {
    return Masker.builder().forms(Set.of(form)).add("S", SecretValue.of(secret)).build();
  }

  /**
   * Thousands of matches in one write while a longer secret could still start at each of them: the
   * masker may hold many pending matches and must release them in order, whatever their number.
   */
  @Test
  void manyMatchesInOneWriteEachInsideAPossibleLongerSecret() throws IOException {
    Masker m = Masker.builder().forms(Set.of(EncodedForm.RAW)).add("SHORT", SecretValue.of("abc"))
        .add("LONG", SecretValue.of("xxabcyy")).build();
    String text = "xxabc ".repeat(3000) + "xxabcyy end";
    String expected = "xx*** ".repeat(3000) + "*** end";
    assertEquals(expected, m.mask(text));
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (OutputStream out = m.wrap(sink)) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      out.write(bytes, 0, 7000);
      out.write(bytes, 7000, bytes.length - 7000);
    }
    assertEquals(expected, sink.toString(StandardCharsets.UTF_8));
  }

  /** A Base64 fragment's padding does not count towards the fragment floor (6 characters). */
  @Test
  void base64PaddingDoesNotCountTowardsTheFragmentFloor() {
    // base64("Zabc") = WmFiYw==: the characters that depend on "abc" alone are FiYw (4, below the floor)
    assertEquals("WmFiYw==", Base64.getEncoder().encodeToString("Zabc".getBytes(StandardCharsets.US_ASCII)));
    Masker m = only(EncodedForm.BASE64, "abc");
    assertEquals("WmFiYw==", m.mask("WmFiYw=="));
    assertEquals("WmFiYw", m.mask("WmFiYw"));
  }

  /** A wrapped piece is masked, the line breaks around it are not (the log keeps its lines). */
  @Test
  void lineBreaksAroundAWrappedBase64PieceStay() {
    // base64("abcdef") = YWJjZGVm: eight characters, one window
    Masker m = only(EncodedForm.BASE64_WRAPPED, "abcdef");
    assertEquals("***\nnext", m.mask("YWJjZGVm\nnext"));
    assertEquals("***\r\nnext", m.mask("YWJjZGVm\r\nnext"));
    assertEquals("prev\n***", m.mask("prev\nYWJjZGVm"));
    assertEquals("prev\n***\nnext", m.mask("prev\nYWJjZGVm\nnext"));
  }

  /** With a minimum length above the fragment floor, a wrapped line piece exactly that long is masked. */
  @Test
  void aWrappedPieceExactlyAsLongAsTheMinimumLengthIsMasked() {
    String secret = "correct horse battery";
    String encoded = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.US_ASCII));
    String piece = encoded.substring(8, 16);
    Masker m = Masker.builder().forms(Set.of(EncodedForm.BASE64_WRAPPED)).minLength(8)
        .add("S", SecretValue.of(secret)).build();
    assertEquals("...\n***\n...", m.mask("...\n" + piece + "\n..."));
    String seven = encoded.substring(8, 15);
    assertEquals("...\n" + seven + "\n...", m.mask("...\n" + seven + "\n..."), "below the minimum: left alone");
  }

  /** bash's $'…' writes a space as itself, only control characters in octal ({@code printf %q}). */
  @Test
  void ansiCQuotingKeepsSpacesAndEscapesControlCharactersInOctal() {
    Masker m = only(EncodedForm.SHELL_ANSI_C, "a b\u0001~");
    // bash: V=$'a b\001~'; printf '%q\n' "$V"   ->   $'a b\001~'
    assertEquals("+ echo $'***'", m.mask("+ echo $'a b\\001~'"));
  }

  /** Characters just outside the letter and digit ranges are percent-encoded, those at their edges not. */
  @Test
  void urlEncodingOfCharactersAtTheEdgesOfTheAsciiRanges() {
    String secret = "`az{@AZ[/09:\u007f";
    Masker m = only(EncodedForm.URL, secret);
    String java = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    assertEquals("%60az%7B%40AZ%5B%2F09%3A%7F", java);
    assertEquals("u=***&", m.mask("u=" + java + "&"));
    // Python: urllib.parse.quote(s) keeps '/', lower-case hex as some encoders write it
    assertEquals("u=***&", m.mask("u=%60az%7B%40AZ%5B/09%3A%7F&"));
    assertEquals("u=***&", m.mask("u=%60az%7b%40AZ%5b%2f09%3a%7f&"));
  }

  /**
   * A secret that ends the encoded data: no run of secret-only characters as long as the fragment floor
   * (5, or the default 6) stays visible on any line, and a last line holding at least that many is masked
   * to its end (the last character, which mixes the secret's last bits with zero bits, and the padding),
   * padded (MIME, PEM) or not, at 64 and 76 columns, wherever the secret starts; at floor 5 this also
   * covers the pieces of the secret's start that end a line.
   */
  @Test
  void wrappedBase64OfASecretThatEndsTheDataIsMaskedToTheEnd() {
    java.util.Random rnd = new java.util.Random(5);
    for (int floor : new int[] {5, Masker.Builder.DEFAULT_FRAGMENT_MIN_LENGTH}) {
      for (int size = 10; size < 14; size++) {
        byte[] secret = new byte[size * 3];
        for (int i = 0; i < secret.length; i++) {
          secret[i] = (byte) (0x21 + rnd.nextInt(0x5d));
        }
        Masker m = Masker.builder().forms(Set.of(EncodedForm.BASE64_WRAPPED)).replacement("#")
            .fragmentMinLength(floor).add("KEY", SecretValue.of(new String(secret, StandardCharsets.US_ASCII)))
            .build();
        for (int before = 0; before < 80; before++) {
          byte[] data = new byte[before + secret.length];
          rnd.nextBytes(data);
          System.arraycopy(secret, 0, data, before, secret.length);
          String unpadded = Base64.getEncoder().withoutPadding().encodeToString(data);
          int first = (8 * before + 5) / 6;
          int end = (8 * data.length) / 6;
          String secretOnly = unpadded.substring(first, end);
          for (int width : new int[] {64, 76}) {
            for (boolean padding : new boolean[] {true, false}) {
              String flat = padding ? Base64.getEncoder().encodeToString(data) : unpadded;
              StringBuilder wrapped = new StringBuilder();
              for (int i = 0; i < flat.length(); i += width) {
                wrapped.append(flat, i, Math.min(flat.length(), i + width)).append('\n');
              }
              String masked = m.mask(wrapped.toString());
              String where = "floor " + floor + " size " + size + " offset " + before + " width " + width
                  + " padding " + padding;
              String[] lines = masked.split("\n");
              for (String line : lines) {
                for (int i = 0; i + floor <= line.length(); i++) {
                  String run = line.substring(i, i + floor);
                  assertFalse(!run.contains("#") && secretOnly.contains(run), where + ": visible run " + run);
                }
              }
              int lastLineStart = (flat.length() - 1) / width * width;
              if (end - Math.max(first, lastLineStart) >= floor) {
                assertTrue(lines[lines.length - 1].endsWith("#"), where + ": last line " + lines[lines.length - 1]);
              }
            }
          }
        }
      }
    }
  }
}

