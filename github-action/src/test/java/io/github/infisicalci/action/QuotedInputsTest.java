package io.github.infisicalci.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** An input quoted back in a problem follows the shared rule (Printable.quote), not a weaker local one. */
class QuotedInputsTest {
  private static String problem(String recursive) {
    InputProblems p = new InputProblems();
    p.bool(new Inputs(Map.of("INPUT_RECURSIVE", recursive)), "recursive");
    return assertThrows(InvalidInputsException.class, p::throwIfAny).problems().get(0);
  }

  @Test
  void invisibleAndNonAsciiCharactersAreShownAsCodePoints() {
    // before: only C0 controls became '?'; a zero-width space, a bidi override or an 'é' went through as is
    assertEquals("input 'recursive': 'tr<U+200B>ue<U+202E> <U+0007><U+00E9>' is not a boolean; use true or false",
        problem("tr\u200bue\u202e \u0007\u00e9"));
  }

  @Test
  void aLongInputIsCut() {
    assertEquals("input 'recursive': '" + "y".repeat(200) + "…(9800 more)' is not a boolean; use true or false",
        problem("y".repeat(10_000)));
  }
}
