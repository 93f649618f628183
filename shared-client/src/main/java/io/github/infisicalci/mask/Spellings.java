package io.github.infisicalci.mask;

import io.github.infisicalci.client.SecretValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The spellings a {@link Masker} masks for one value, as text, for maskers that take literal strings (the
 * GitHub runner's {@code ::add-mask::}). Same rules as the masker: minimum length 3, fragment floor
 * {@value Masker.Builder#DEFAULT_FRAGMENT_MIN_LENGTH}, no line that carries no information. Unlike the
 * masker, it spells a value of white space only: the caller decides whether to register it.
 */
public final class Spellings {
  private static final int MIN_LENGTH = 3;

  private Spellings() {}

  /** The distinct spellings of {@code value} in {@code forms}, in the order of the forms; none for a short value. */
  public static List<SecretValue> of(SecretValue value, Set<EncodedForm> forms) {
    String text = value.reveal();
    if (text.getBytes(StandardCharsets.UTF_8).length < MIN_LENGTH) {
      return List.of();
    }
    Set<String> distinct = new LinkedHashSet<>();
    for (byte[] p : PatternGenerator.patterns(text, EnumSet.copyOf(forms), MIN_LENGTH,
        Masker.Builder.DEFAULT_FRAGMENT_MIN_LENGTH)) {
      distinct.add(new String(p, StandardCharsets.UTF_8));
    }
    List<SecretValue> out = new ArrayList<>(distinct.size());
    distinct.forEach(s -> out.add(SecretValue.of(s)));
    return out;
  }

  /**
   * Whether a line of a multi-line value is worth masking on its own: at least 3 UTF-8 bytes after
   * trimming and a letter or digit (not {@code },} or a blank line).
   */
  public static boolean carriesInformation(String line) {
    return TextSpellings.carriesInformation(line.strip(), MIN_LENGTH);
  }
}
