package io.github.infisicalci.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/**
 * The JSON and URL forms skip their styles for a value that no style changes (most tokens): the shortcut
 * holds for exactly those values, character by character (surrogates and the line separators included).
 */
class SpellingShortcutTest {

  @Test
  void jsonShortcutOnlyWhereNoStyleEscapesOnceOrTwice() {
    for (char c = 0; c < 0x3000; c++) {
      String value = "k" + c + "y";
      boolean unchanged = true;
      for (JsonSpellings.Style style : JsonSpellings.STYLES) {
        String once = JsonSpellings.escape(value, style);
        unchanged &= once.equals(value);
        for (JsonSpellings.Style outer : JsonSpellings.STYLES) {
          unchanged &= JsonSpellings.escape(once, outer).equals(value);
        }
      }
      assertEquals(unchanged, JsonSpellings.plain(value), "character " + (int) c);
    }
    assertFalse(JsonSpellings.plain("k\uD83D\uDE00y"));
  }

  @Test
  void urlShortcutOnlyWhereNoStyleEncodes() {
    for (char c = 0; c < 0x3000; c++) {
      String value = "k" + c + "y";
      boolean unchanged = true;
      for (UrlSpellings.Style style : UrlSpellings.STYLES) {
        unchanged &= UrlSpellings.encode(value, style, true).equals(value)
            && UrlSpellings.encode(value, style, false).equals(value);
      }
      assertEquals(unchanged, UrlSpellings.plain(value), "character " + (int) c);
    }
  }
}
