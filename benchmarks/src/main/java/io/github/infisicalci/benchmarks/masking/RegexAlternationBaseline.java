package io.github.infisicalci.benchmarks.masking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The approach the engine replaces: every secret quoted, joined with {@code |} longest first, applied to
 * each line on its own.
 */
final class RegexAlternationBaseline {
  private final Pattern pattern;
  private final String replacement;

  RegexAlternationBaseline(List<String> secrets, String replacement) {
    List<String> sorted = new ArrayList<>(secrets);
    sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    this.pattern = Pattern.compile(sorted.stream().map(Pattern::quote).collect(Collectors.joining("|")));
    this.replacement = Matcher.quoteReplacement(replacement);
  }

  /** Masks {@code text} line by line; returns the number of characters written. */
  long mask(String text, StringBuilder out) {
    Matcher matcher = pattern.matcher("");
    long written = 0;
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end + 1;
      out.setLength(0);
      matcher.reset(text.subSequence(start, end));
      while (matcher.find()) {
        matcher.appendReplacement(out, replacement);
      }
      matcher.appendTail(out);
      written += out.length();
      start = end;
    }
    return written;
  }
}
