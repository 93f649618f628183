package io.github.infisicalci.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.SecretValue;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The text spellings API, floors, and the control-character escapes of the shell and JSON forms. */
class SpellingsTest {
  private static List<String> spell(String value, EncodedForm... forms) {
    return Spellings.of(SecretValue.of(value), EnumSet.of(forms[0], forms)).stream().map(SecretValue::reveal)
        .toList();
  }

  @Test
  void spellingsAreDistinctAndInFormOrderAndNoneForAShortValue() {
    assertEquals(List.of("a b", "a+b", "a%20b"), spell("a b", EncodedForm.RAW, EncodedForm.URL));
    assertEquals(List.of(), spell("ab", EncodedForm.RAW, EncodedForm.URL));
    assertEquals(List.of("abc"), spell("abc", EncodedForm.RAW, EncodedForm.URL, EncodedForm.JSON));
  }

  @Test
  void linesCarryInformationOnlyWithALetterOrDigitAndThreeBytes() {
    assertTrue(Spellings.carriesInformation("  \"k\": 1,"));
    assertFalse(Spellings.carriesInformation("  },"));
    assertFalse(Spellings.carriesInformation(" ab "));
    assertTrue(Spellings.carriesInformation("日本"));
    assertFalse(Spellings.carriesInformation("   "));
    // bare JSON/YAML literals of an array secret would mask the word everywhere
    assertFalse(Spellings.carriesInformation("  true,"));
    assertFalse(Spellings.carriesInformation("null,"));
    assertFalse(Spellings.carriesInformation("- false"));
    assertTrue(Spellings.carriesInformation("\"nullable-key\","));
    assertTrue(Spellings.carriesInformation("truth,"));
  }

  @Test
  void bashAnsiCEscapesEveryControlCharacterAsPrintfQDoes() {
    // bash: printf '%q' "$(printf 'k\a\b\033\f\v\r\t\001\177z')"
    String value = "k\u0007\b\u001b\f\u000b\r\t\u0001\u007fz";
    Masker m = Masker.builder().forms(Set.of(EncodedForm.SHELL_ANSI_C)).add("S", SecretValue.of(value)).build();
    assertEquals("$'***'", m.mask("$'k\\a\\b\\E\\f\\v\\r\\t\\001\\177z'"));
  }

  @Test
  void jsonShortEscapesForControlCharacters() {
    // python3: json.dumps('a\b\f\r\t\x01z')
    Masker m = Masker.builder().forms(Set.of(EncodedForm.JSON)).add("S", SecretValue.of("a\b\f\r\t\u0001z")).build();
    assertEquals("\"***\"", m.mask("\"a\\b\\f\\r\\t\\u0001z\""));
  }

  @Test
  void theMinimumLengthAlsoBoundsFragments() {
    // "secret" at alignment 0 encodes to c2VjcmV0 (8 characters); a floor of 9 leaves it alone
    Masker m = Masker.builder().forms(Set.of(EncodedForm.BASE64)).minLength(6).add("S", SecretValue.of("secret"))
        .build();
    assertEquals("***", m.mask("c2VjcmV0"));
    Masker strict = Masker.builder().forms(Set.of(EncodedForm.BASE64)).minLength(6).fragmentMinLength(9)
        .add("S", SecretValue.of("secret")).build();
    assertEquals("c2VjcmV0", strict.mask("c2VjcmV0"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Masker.builder().fragmentMinLength(0))
        .getMessage().contains("fragmentMinLength"));
  }

  @Test
  void aWhiteSpaceOnlyValueHasNoTrimmedSpelling() {
    assertEquals(List.of("   \t"), spell("   \t", EncodedForm.RAW, EncodedForm.TRIMMED));
    assertEquals(List.of(" x-y-z ", "x-y-z"), spell(" x-y-z ", EncodedForm.RAW, EncodedForm.TRIMMED));
  }
}
