package io.github.infisicalci.mask;

import io.github.infisicalci.client.SecretValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Replaces secret values, and the encoded forms of them that builds tend to print, in UTF-8 output.
 *
 * <p>Every secret becomes a set of byte patterns (one or more per {@link EncodedForm}); all occurrences
 * of all patterns are found in one pass of an Aho–Corasick automaton. Overlapping and nested matches are
 * merged: the union of the matched bytes is masked, and each maximal run of masked bytes is written as
 * one {@linkplain Builder#replacement(String) replacement}.
 *
 * <p>Values shorter than {@linkplain Builder#minLength(int) the minimum} (in UTF-8 bytes) or made of
 * white space only are not masked, so that a one-letter or blank value does not wreck the log; their
 * names are listed by {@link #skippedNames()} for the caller to warn about. Empty values are ignored. Generated spellings below the minimum are
 * dropped the same way; encoded fragments (Base64, hex) have a floor of their own
 * ({@linkplain Builder#fragmentMinLength(int) fragment minimum}); lines of a multi-line value that carry
 * no information are not patterns ({@link #partlyMaskedNames()}).
 *
 * <p>Every occurrence of every pattern in the input is replaced. The output can show a secret's text
 * only where that text is made with the replacement the masker wrote: a secret such as {@code ****},
 * or one that starts or ends with the replacement's characters, can reappear next to a replacement
 * (input {@code ***} followed by a masked run prints {@code ******}). No byte of a masked occurrence is
 * ever written.
 *
 * <p>A masker is immutable and thread-safe. It is deterministic: the same secrets and options give the
 * same masking, whatever the order they were added in, so a copy can be rebuilt elsewhere (a Jenkins
 * agent) from the same inputs. It never renders a secret in {@link #toString()} or in an exception.
 */
public final class Masker {
  private final Automaton automaton;
  private final byte[] replacement;
  private final List<String> skippedNames;
  private final List<String> partlyMaskedNames;

  private Masker(Automaton automaton, byte[] replacement, List<String> skippedNames,
      List<String> partlyMaskedNames) {
    this.automaton = automaton;
    this.replacement = replacement;
    this.skippedNames = skippedNames;
    this.partlyMaskedNames = partlyMaskedNames;
  }

  /**
   * The forms a builder starts with: all but {@link EncodedForm#HEX} and {@link EncodedForm#BASE64_UTF16LE},
   * which together would cost more than all the others (states grow with the secret's length) for spellings
   * CI logs seldom show; add them with {@link Builder#forms(Set)}.
   */
  public static final Set<EncodedForm> DEFAULT_FORMS = Set.copyOf(
      EnumSet.complementOf(EnumSet.of(EncodedForm.HEX, EncodedForm.BASE64_UTF16LE)));

  /**
   * A builder with the {@link #DEFAULT_FORMS}, minimum length 3, fragment minimum length
   * {@value Builder#DEFAULT_FRAGMENT_MIN_LENGTH} and replacement {@code ***}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Names of the secrets that were too short or blank to mask, in the order they were added. */
  public List<String> skippedNames() {
    return skippedNames;
  }

  /**
   * Names of the multi-line secrets, in the order they were added, with a line that is not masked when
   * printed on its own because it carries no information (blank, punctuation only such as {@code  },},
   * or shorter than the minimum length after trimming): masking it would mask every such line of the log.
   * The value itself and its other lines are masked.
   */
  public List<String> partlyMaskedNames() {
    return partlyMaskedNames;
  }

  /**
   * A stream that writes {@code out} with every secret masked, exactly as {@link #mask(byte[])} would
   * mask everything written to it at once, however the writes are split.
   *
   * <p>To do so it holds back the bytes at the end of what was written that could still be the start of
   * a secret (never more than the longest pattern; usually none) and writes them as soon as later bytes
   * show they are not, or on {@link OutputStream#close() close()}. {@link OutputStream#flush() flush()}
   * writes everything else and flushes {@code out} but does not release those bytes. So a program that
   * prints part of a secret and then waits (for instance a prompt that happens to end with the first
   * characters of a secret) shows its output up to that point only; the held-back bytes appear when it
   * prints more or its output is closed. A complete secret is replaced at once.
   *
   * <p>The stream is synchronized; {@code close()} closes {@code out}.
   */
  public OutputStream wrap(OutputStream out) {
    return new MaskingOutputStream(automaton, out, replacement);
  }

  /** {@code text} with every secret masked. */
  public String mask(String text) {
    Objects.requireNonNull(text, "text");
    return new String(mask(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  /** UTF-8 {@code bytes} with every secret masked, as a new array. */
  public byte[] mask(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    ByteArrayOutputStream sink = new ByteArrayOutputStream(bytes.length + 16);
    try (OutputStream masking = wrap(sink)) {
      masking.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sink.toByteArray();
  }

  /** Describes the masker without its secrets. */
  @Override
  public String toString() {
    return "Masker[states=" + automaton.numStates + ", skipped=" + skippedNames.size()
        + ", partly=" + partlyMaskedNames.size() + "]";
  }

  /** Collects the secrets and options of a {@link Masker}. Not thread-safe. */
  public static final class Builder {
    /**
     * Default floor for encoded fragments (Base64, hex): measured on build logs, see
     * {@code benchmarks/README.md} ("Fragment floor").
     */
    public static final int DEFAULT_FRAGMENT_MIN_LENGTH = 6;
    private final List<String> names = new ArrayList<>();
    private final List<SecretValue> values = new ArrayList<>();
    private Set<EncodedForm> forms = EnumSet.copyOf(DEFAULT_FORMS);
    private int minLength = 3;
    private int fragmentMinLength = DEFAULT_FRAGMENT_MIN_LENGTH;
    private String replacement = "***";

    private Builder() {}

    /** Adds a secret; {@code name} is only ever used to report it as skipped. */
    public Builder add(String name, SecretValue value) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("secret name must not be blank");
      }
      if (value == null) {
        throw new IllegalArgumentException("secret '" + name + "' has no value (null)");
      }
      names.add(name);
      values.add(value);
      return this;
    }

    /** Which forms of each value to mask; default: {@link Masker#DEFAULT_FORMS}. */
    public Builder forms(Set<EncodedForm> forms) {
      if (forms == null || forms.isEmpty()) {
        throw new IllegalArgumentException("forms must name at least one EncodedForm");
      }
      for (EncodedForm form : forms) {
        if (form == null) {
          throw new IllegalArgumentException("forms must not contain null");
        }
      }
      this.forms = EnumSet.copyOf(forms);
      return this;
    }

    /** Minimum length in UTF-8 bytes of a value (and of a generated pattern) to mask; default 3. */
    public Builder minLength(int minLength) {
      if (minLength < 1) {
        throw new IllegalArgumentException("minLength must be at least 1, was " + minLength);
      }
      this.minLength = minLength;
      return this;
    }

    /**
     * Minimum length in characters of an encoded fragment to mask (Base64 and hex runs, whose alphabet
     * ordinary words are made of); default {@value #DEFAULT_FRAGMENT_MIN_LENGTH}.
     */
    public Builder fragmentMinLength(int fragmentMinLength) {
      if (fragmentMinLength < 1) {
        throw new IllegalArgumentException("fragmentMinLength must be at least 1, was " + fragmentMinLength);
      }
      this.fragmentMinLength = fragmentMinLength;
      return this;
    }

    /** Text written in place of each masked run; default {@code ***}. */
    public Builder replacement(String replacement) {
      if (replacement == null || replacement.isEmpty()) {
        throw new IllegalArgumentException("replacement must not be empty");
      }
      this.replacement = replacement;
      return this;
    }

    /** Builds the automaton; the builder may be reused. */
    public Masker build() {
      return build(new ArrayList<>());
    }

    /**
     * Builds, leaving in {@code generated} every pattern array it made, each wiped (zeroed) once the
     * automaton holds the patterns: a secret's spellings do not linger in the heap.
     */
    Masker build(List<byte[]> generated) {
      List<byte[]> made = new ArrayList<>();
      List<String> skipped = new ArrayList<>();
      List<String> partly = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        SecretValue value = values.get(i);
        if (value.isEmpty()) {
          continue;
        }
        String text = value.reveal();
        int bytes = utf8Length(text);
        if (bytes < minLength || text.isBlank()) { // white space alone would mask every indentation
          skipped.add(names.get(i));
          continue;
        }
        PatternSink sink = PatternGenerator.spell(text, forms, minLength, fragmentMinLength);
        if (sink.droppedLines()) {
          partly.add(names.get(i));
        }
        made.addAll(sink.patterns());
      }
      generated.addAll(made);
      Automaton automaton = Automaton.build(made);
      for (byte[] p : made) {
        Arrays.fill(p, (byte) 0);
      }
      return new Masker(automaton, replacement.getBytes(StandardCharsets.UTF_8), List.copyOf(skipped),
          List.copyOf(partly));
    }

    private static int utf8Length(String text) {
      return text.getBytes(StandardCharsets.UTF_8).length;
    }
  }
}
