package io.github.infisicalci.action;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.infisicalci.client.JsonTrees;
import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.mask.EncodedForm;
import io.github.infisicalci.mask.Spellings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The texts to register as masks for one secret: the value itself, a one-line value without surrounding
 * white space (a shell prints it so after word splitting), each of its lines when it has
 * several, and the leaves of a JSON object or array value (and each line of a multi-line leaf: the
 * runner masks line by line, so a multi-line mask alone never matches). Never a blank text; lines and leaves
 * that carry no information (shorter than {@value #MIN_PART} characters, or no letter or digit: a line
 * holding only {@code },} would mask every such line) are left out.
 *
 * <p>Then the spellings the runner does not derive itself (it adds Base64 of the whole value at three
 * byte shifts, RFC 3986 escaping in upper case, one JSON escaping, {@code \"}, {@code ''} and XML
 * escaping; see docs/masking.md): the masking engine's URL, JSON, shell and mid-data Base64 spellings of
 * the value, one line each; and, when its Base64 is longer than a line, each line of it wrapped at 76
 * ({@code base64}, MIME) and 64 (PEM) columns for the value at the start of the data, also for the value
 * followed by LF or CR LF ({@code echo "$TOKEN" | base64}). At most {@value #MAX_MASKS} texts per secret.
 */
final class MaskValues {
  static final int MIN_PART = 3;
  /** Most masks registered for one secret (a 4 KiB private key needs about 160 wrapped lines). */
  static final int MAX_MASKS = 200;
  /** Shortest wrapped Base64 line registered (a last line such as {@code UjQ=} would mask ordinary text). */
  static final int MIN_WRAPPED_LINE = 8;
  private static final Set<EncodedForm> EXTRA_FORMS = EnumSet.of(EncodedForm.JSON, EncodedForm.URL,
      EncodedForm.BASE64, EncodedForm.BASE64_URL, EncodedForm.SHELL_SINGLE_QUOTE, EncodedForm.SHELL_ANSI_C,
      EncodedForm.DOLLAR_DOUBLED);
  /** What {@code echo}, or a text file's last line, adds after the value before it is encoded. */
  private static final List<String> LINE_ENDS = List.of("\n", "\r\n");

  private MaskValues() {}

  static List<SecretValue> of(SecretValue value) {
    Set<String> texts = new LinkedHashSet<>();
    String text = value.reveal();
    if (text.isBlank()) {
      return List.of();
    }
    texts.add(text);
    if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      texts.add(text.strip());
    } else {
      for (String line : text.split("\r?\n|\r")) {
        texts.add(line.trim());
      }
    }
    String trimmed = text.trim();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        collectLeaves(JsonTrees.read(trimmed), texts);
      } catch (Exception notJson) {
        // not JSON: the value and its lines are masked
      }
    }
    for (String t : List.copyOf(texts)) {
      if (!t.equals(text) && (t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0)) {
        for (String line : t.split("\r?\n|\r")) {
          texts.add(line.trim());
        }
      }
    }
    Set<String> kept = new LinkedHashSet<>();
    for (String t : texts) {
      if (t.equals(text) || (t.trim().length() >= MIN_PART && Spellings.carriesInformation(t))) {
        kept.add(t);
      }
    }
    for (SecretValue spelling : Spellings.of(value, EXTRA_FORMS)) {
      String s = spelling.reveal();
      if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
        kept.add(s);
      }
    }
    wrappedBase64Lines(text, 76, kept);
    wrappedBase64Lines(text, 64, kept);
    List<SecretValue> out = new ArrayList<>();
    for (String t : kept) {
      if (out.size() == MAX_MASKS) {
        break;
      }
      out.add(SecretValue.of(t));
    }
    return out;
  }

  /**
   * Each line of the value's Base64 wrapped at {@code width} columns, when it is longer than a line; and
   * each line of the Base64 of the value followed by a line end ({@code echo "$TOKEN" | base64}, a file
   * whose last line ends with LF or CR LF), which changes the last group of the encoding and so the
   * last line; and, when other data follows the value, its last line without the last 4-character group
   * (the group that mixes the value's last bytes with what follows), if at least
   * {@value #MIN_WRAPPED_LINE} characters remain. Lines of fewer than {@value #MIN_WRAPPED_LINE}
   * characters besides padding are not registered.
   */
  private static void wrappedBase64Lines(String text, int width, Set<String> out) {
    byte[] raw = text.getBytes(StandardCharsets.UTF_8);
    String encoded = Base64.getEncoder().encodeToString(raw);
    if (encoded.length() > width) {
      wrapped(encoded, width, out);
      int lastStart = (encoded.length() - 1) / width * width;
      String lastWithoutMixedGroup = encoded.substring(lastStart, encoded.length() - 4);
      if (raw.length % 3 != 0 && lastWithoutMixedGroup.length() >= MIN_WRAPPED_LINE) {
        out.add(lastWithoutMixedGroup);
      }
    }
    for (String lineEnd : LINE_ENDS) {
      wrapped(Base64.getEncoder().encodeToString((text + lineEnd).getBytes(StandardCharsets.UTF_8)), width, out);
    }
  }

  private static void wrapped(String encoded, int width, Set<String> out) {
    for (int i = 0; i < encoded.length(); i += width) {
      String line = encoded.substring(i, Math.min(encoded.length(), i + width));
      if (line.replace("=", "").length() >= MIN_WRAPPED_LINE) {
        out.add(line);
      }
    }
  }

  private static void collectLeaves(JsonNode node, Set<String> out) {
    if (node == null || node.isNull() || node.isBoolean()) {
      return;
    }
    if (node.isContainerNode()) {
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        collectLeaves(it.next(), out);
      }
    } else {
      out.add(node.asText());
    }
  }
}
