package io.github.infisicalci.export;

/**
 * Wildcard matching without backtracking: {@code *} matches any run of characters (including
 * {@code /}), {@code ?} (when enabled) exactly one character, everything else itself. The pattern is
 * run as a set of positions over the text, each text character read once: at most
 * {@code text length × pattern length} steps (runs of {@code *} count as one), whatever the input, so a
 * hostile pattern such as {@code *************************Z} cannot stall a build.
 */
final class Glob {
  private final int[] pattern;
  private final boolean singleWildcard;

  /**
   * @param singleWildcard whether {@code ?} matches one character (else it is literal)
   */
  Glob(String pattern, boolean singleWildcard) {
    this.pattern = collapseStars(pattern.codePoints().toArray());
    this.singleWildcard = singleWildcard;
  }

  static boolean isGlob(String text, boolean singleWildcard) {
    return text.indexOf('*') >= 0 || (singleWildcard && text.indexOf('?') >= 0);
  }

  boolean matches(String text) {
    return matches(text, null);
  }

  /** Like {@link #matches(String)}; adds the number of position steps taken to {@code steps[0]}. */
  boolean matches(String text, long[] steps) {
    int m = pattern.length;
    boolean[] current = new boolean[m + 1];
    boolean[] next = new boolean[m + 1];
    current[0] = true;
    closeOverStars(current);
    long count = 0;
    int[] chars = text.codePoints().toArray();
    for (int c : chars) {
      boolean alive = false;
      java.util.Arrays.fill(next, false);
      for (int i = 0; i < m; i++) {
        count++;
        if (!current[i]) {
          continue;
        }
        int p = pattern[i];
        if (p == '*') {
          next[i] = true;
          alive = true;
        } else if (p == c || (singleWildcard && p == '?')) {
          next[i + 1] = true;
          alive = true;
        }
      }
      if (!alive) {
        current = next;
        break;
      }
      closeOverStars(next);
      boolean[] swap = current;
      current = next;
      next = swap;
    }
    if (steps != null) {
      steps[0] += count;
    }
    return current[m];
  }

  /** The characters {@code text} gives to a pattern's single {@code *} ({@code null} when it does not match). */
  static String capture(String pattern, String text) {
    int star = pattern.indexOf('*');
    String head = pattern.substring(0, star);
    String tail = pattern.substring(star + 1);
    if (text.length() < head.length() + tail.length() || !text.startsWith(head) || !text.endsWith(tail)) {
      return null;
    }
    return text.substring(head.length(), text.length() - tail.length());
  }

  private void closeOverStars(boolean[] states) {
    for (int i = 0; i < pattern.length; i++) {
      if (states[i] && pattern[i] == '*') {
        states[i + 1] = true;
      }
    }
  }

  private static int[] collapseStars(int[] raw) {
    int[] out = new int[raw.length];
    int n = 0;
    for (int c : raw) {
      if (c == '*' && n > 0 && out[n - 1] == '*') {
        continue;
      }
      out[n++] = c;
    }
    return java.util.Arrays.copyOf(out, n);
  }
}
