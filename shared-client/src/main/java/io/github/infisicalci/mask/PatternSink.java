package io.github.infisicalci.mask;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the patterns of one secret and applies the floors: a spelling of the text (a line, an
 * escaped form) needs {@code minLength} bytes, an encoded fragment (Base64, hex) needs
 * {@code fragmentMinLength} characters, because short runs of an encoding's alphabet occur in ordinary
 * words ({@code han} in {@code hand}).
 */
final class PatternSink {
  private final int minLength;
  private final int fragmentMinLength;
  private final List<byte[]> patterns = new ArrayList<>();
  private boolean droppedLine;

  PatternSink(int minLength, int fragmentMinLength) {
    this.minLength = minLength;
    this.fragmentMinLength = fragmentMinLength;
  }

  void text(String spelling) {
    text(spelling.getBytes(StandardCharsets.UTF_8));
  }

  void text(byte[] spelling) {
    if (spelling.length >= minLength) {
      patterns.add(spelling);
    }
  }

  /**
   * An encoded fragment; {@code alphabetChars} of it count towards the floor (a line break next to a
   * wrapped fragment carries no secret bits).
   */
  void fragment(byte[] spelling, int alphabetChars) {
    if (alphabetChars >= fragmentMinLength && alphabetChars >= minLength) {
      patterns.add(spelling);
    }
  }

  void fragment(byte[] spelling) {
    fragment(spelling, spelling.length);
  }

  /** A line of a multi-line value that carries no information was left out. */
  void droppedLine() {
    droppedLine = true;
  }

  int minLength() {
    return minLength;
  }

  List<byte[]> patterns() {
    return patterns;
  }

  boolean droppedLines() {
    return droppedLine;
  }
}
