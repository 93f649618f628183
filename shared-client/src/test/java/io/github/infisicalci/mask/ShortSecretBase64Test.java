package io.github.infisicalci.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.SecretValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Where the Base64 of a secret of 3, 4 or 5 bytes is masked with the default fragment floor (6), as
 * docs/masking.md states it: 5 bytes and more anywhere; 4 bytes only where the secret ends the data at a
 * byte offset that is a multiple of 3 (its run reaches the end of the encoding); 3 bytes never.
 */
class ShortSecretBase64Test {
  private static String b64(String data) {
    return Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8));
  }

  private static String mask(String secret, String text) {
    return Masker.builder().forms(java.util.EnumSet.of(EncodedForm.BASE64)).add("S", SecretValue.of(secret))
        .build().mask(text);
  }

  @Test
  void fourBytesAreMaskedWhereTheyEndTheDataAtAnAlignmentOfZero() {
    assertEquals("***", mask("t3st", "dDNzdA=="), "the whole value");
    assertEquals("***", mask("t3st", "dDNzdA"), "unpadded");
    assertEquals("YWI6***", mask("t3st", b64("ab:t3st")), "after 3 bytes");
    assertEquals(b64("a:t3st"), mask("t3st", b64("a:t3st")), "after 2 bytes: a 5-character run");
    assertEquals(b64("x:ab:t3st"), mask("t3st", b64("x:ab:t3st")), "after 4 bytes");
    assertEquals(b64("t3st:x"), mask("t3st", b64("t3st:x")), "followed by data: a 5-character run");
    assertEquals(b64("ab:t3st:xyz"), mask("t3st", b64("ab:t3st:xyz")));
  }

  @Test
  void fiveBytesAreMaskedAtEveryAlignmentInsideTheData() {
    for (String before : new String[] {"", "a", "ab"}) {
      for (String after : new String[] {"", ":x", ":xy", ":xyz"}) {
        String encoded = b64(before + "t3st5" + after);
        String masked = mask("t3st5", encoded);
        assertEquals(1, masked.split("\\*\\*\\*", -1).length - 1, before + "|" + after + " " + encoded + " -> " + masked);
        assertTrue(masked.length() <= encoded.length() - 6 + 3, masked);
      }
    }
  }

  @Test
  void threeBytesAreNeverMaskedInBase64() {
    assertEquals("dDNz", mask("t3s", "dDNz"));
    assertEquals(b64("ab:t3s"), mask("t3s", b64("ab:t3s")));
  }
}
