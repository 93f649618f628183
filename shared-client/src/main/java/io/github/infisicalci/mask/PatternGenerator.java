package io.github.infisicalci.mask;

import java.util.List;
import java.util.Set;

/** Turns one secret value into the byte patterns of the requested {@link EncodedForm}s. */
final class PatternGenerator {
  private PatternGenerator() {}

  /**
   * All patterns of {@code value} for {@code forms}, possibly with duplicates: spellings of the text at
   * least {@code minLength} bytes long, encoded fragments at least {@code fragmentMinLength} characters
   * (shorter ones are dropped: they would mask ordinary text).
   */
  static PatternSink spell(String value, Set<EncodedForm> forms, int minLength, int fragmentMinLength) {
    PatternSink sink = new PatternSink(minLength, fragmentMinLength);
    for (EncodedForm form : forms) {
      form.spelling().spell(value, sink);
    }
    return sink;
  }

  static List<byte[]> patterns(String value, Set<EncodedForm> forms, int minLength, int fragmentMinLength) {
    return spell(value, forms, minLength, fragmentMinLength).patterns();
  }
}
