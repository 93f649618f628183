package io.github.infisicalci.mask;

/** One {@link EncodedForm}'s strategy: writes the spellings of a value into a {@link PatternSink}. */
@FunctionalInterface
interface Spelling {
  void spell(String value, PatternSink out);
}
