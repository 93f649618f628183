package io.github.infisicalci.jenkins.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fetched values are sealed so that {@code Secret.fromString} can never decrypt them. Offline the stub
 * {@code Secret} has no behaviour, so this checks the encoding against the two ways Jenkins core 2.568.1's
 * {@code Secret.decrypt} accepts a text (braced payload, or historical Base64 decoded by
 * {@code java.util.Base64.getDecoder()}); {@code it/LiteralValuesTest} checks it with the real {@code Secret}.
 */
class LiteralSecretsTest {
  /** Values that Secret.fromString would try to decrypt, and edge cases of the marker. */
  private static final List<String> VALUES = List.of(
      "{AQAAABAAAAAQjQ8vhNq2D3mNNGnrGJvcBCUEHHCYsh5qmWV3Q3e3uPc=}", // the current encrypted form
      "QUJDREVGR0hJSktMTU5PUA==", // Base64: the historical form
      "{}", "", " ", "!", "!!x", "plain-value", "multi\nline\n", "\u00e9\u4e2d");

  @Test
  void everyValueComesBackLiterally() {
    for (String v : VALUES) {
      assertEquals(v, LiteralSecrets.decode(LiteralSecrets.encode(v)));
    }
  }

  @Test
  void aSealedTextIsNeitherFormThatSecretDecrypts() {
    for (String v : VALUES) {
      String stored = LiteralSecrets.encode(v);
      assertFalse(stored.startsWith("{"), "braced form: " + stored);
      assertThrows(IllegalArgumentException.class, () -> Base64.getDecoder().decode(stored),
          "historical Base64 form: " + stored);
    }
  }

  @Test
  void aTextThatWasNotSealedIsRefused() {
    assertThrows(IllegalStateException.class, () -> LiteralSecrets.decode("plain"));
    assertThrows(IllegalStateException.class, () -> LiteralSecrets.decode(""));
  }
}
