package io.github.infisicalci.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The wildcard matcher of key selections and branch mappings, checked against a regular expression. */
class GlobTest {
  /** Every pattern over {@code A B * ?} up to 4 characters against every text over {@code A B ?} up to 5. */
  @Test
  void agreesWithARegularExpressionOnEveryShortPatternAndText() {
    List<String> patterns = words("AB*?", 4);
    List<String> texts = words("AB?", 5);
    for (boolean single : new boolean[] {true, false}) {
      for (String p : patterns) {
        Glob glob = new Glob(p, single);
        Pattern regex = Pattern.compile(regex(p, single), Pattern.DOTALL);
        for (String t : texts) {
          assertEquals(regex.matcher(t).matches(), glob.matches(t),
              "pattern '" + p + "' text '" + t + "' singleWildcard " + single);
        }
      }
    }
  }

  @Test
  void aStarMatchesAnEmptyRunAtTheStartInTheMiddleAndAtTheEnd() {
    assertTrue(new Glob("*", false).matches(""));
    assertTrue(new Glob("*_KEY", false).matches("_KEY"));
    assertTrue(new Glob("A*B", false).matches("AB"));
    assertTrue(new Glob("A**", false).matches("A"));
    assertFalse(new Glob("A*B", false).matches("A"));
  }

  @Test
  void stepsAreCountedForEveryCharacterRead() {
    long[] steps = {0};
    assertTrue(new Glob("A*", false).matches("ABC", steps));
    // one step per pattern position per character: 3 characters x 2 positions
    assertTrue(steps[0] >= 3 && steps[0] <= 6, "steps: " + steps[0]);
    long[] more = {steps[0]};
    new Glob("A*", false).matches("ABC", more);
    assertEquals(2 * steps[0], more[0], "steps are added to what the counter held");
  }

  @Test
  void captureGivesTheStarsPartOrNullWhenTheTextDoesNotFit() {
    assertEquals("KEY", Glob.capture("STRIPE_*", "STRIPE_KEY"));
    assertEquals("", Glob.capture("STRIPE_*", "STRIPE_"));
    assertEquals("DB", Glob.capture("*_SECRET", "DB_SECRET"));
    assertEquals("x", Glob.capture("A_*_B", "A_x_B"));
    assertNull(Glob.capture("AB*BC", "ABC"), "head and tail may not overlap");
    assertNull(Glob.capture("A*", "B"));
    assertNull(Glob.capture("*A", "B"));
  }

  @Test
  void isGlobOnlyWithAWildcard() {
    assertTrue(Glob.isGlob("A*", false));
    assertFalse(Glob.isGlob("A?", false));
    assertTrue(Glob.isGlob("A?", true));
    assertFalse(Glob.isGlob("AB", true));
  }

  private static List<String> words(String alphabet, int maxLength) {
    List<String> out = new ArrayList<>();
    out.add("");
    int from = 0;
    for (int len = 1; len <= maxLength; len++) {
      int to = out.size();
      for (int i = from; i < to; i++) {
        for (char c : alphabet.toCharArray()) {
          out.add(out.get(i) + c);
        }
      }
      from = to;
    }
    return out;
  }

  private static String regex(String glob, boolean single) {
    StringBuilder sb = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*') {
        sb.append(".*");
      } else if (c == '?' && single) {
        sb.append('.');
      } else {
        sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return sb.toString();
  }
}
