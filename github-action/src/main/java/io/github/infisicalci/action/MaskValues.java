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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The texts to register as masks for one secret, at most {@value #MAX_MASKS}, what the runner cannot
 * derive from the value first: the value itself; the leaves of a JSON object or array value; the
 * spellings the runner does not derive itself (it adds Base64 of the whole value at three byte shifts,
 * RFC 3986 escaping in upper case, one JSON escaping, {@code \"}, {@code ''} and XML escaping; see
 * docs/masking.md): the masking engine's URL, JSON, shell and mid-data Base64 spellings of the value, one
 * line each; when its Base64 is longer than a line, each line of it wrapped at 76 ({@code base64}, MIME)
 * then 64 (PEM) columns for the value at the start of the data, also for the value followed by LF or
 * CR LF ({@code echo "$TOKEN" | base64}). Last, a one-line value without surrounding white space (a shell
 * prints it so after word splitting) and each line of a multi-line value or leaf: the runner masks line by
 * line, so a multi-line mask alone never matches, but since 2.286.0 it registers each line of a
 * registered value itself, so these alone are left out without a warning. Never a blank text; lines and leaves that
 * carry no information (shorter than {@value #MIN_PART} characters, or no letter or digit: a line holding
 * only {@code },} would mask every such line) are left out.
 */
final class MaskValues {
  static final int MIN_PART = 3;
  /**
   * Most masks registered for one secret: every form but the runner's own lines of a PEM secret up to about
   * 4.4 KB (a 4096-bit RSA key is 3.3 KB: 127 wrapped lines); the runner matches every mask on every line.
   */
  static final int MAX_MASKS = 200;
  /** Shortest wrapped Base64 line registered (a last line such as {@code UjQ=} would mask ordinary text). */
  static final int MIN_WRAPPED_LINE = 8;
  private static final Set<EncodedForm> EXTRA_FORMS = EnumSet.of(EncodedForm.JSON, EncodedForm.URL,
      EncodedForm.BASE64, EncodedForm.BASE64_URL, EncodedForm.SHELL_SINGLE_QUOTE, EncodedForm.SHELL_ANSI_C,
      EncodedForm.SHELL_BACKSLASH, EncodedForm.SHELL_DOUBLE_QUOTE, EncodedForm.DOLLAR_DOUBLED);
  /** What {@code echo}, or a text file's last line, adds after the value before it is encoded. */
  private static final List<String> LINE_ENDS = List.of("\n", "\r\n");

  private MaskValues() {}

  /**
   * The masks for one secret, in the order they are registered; the forms left out because of the bound,
   * each as {@code "<form> (<left out> of <all>)"} (names of forms and counts only, never a value); and
   * whether a line of the value or of a leaf carries no information but is not blank ({@code },}), which
   * the runner, registering each line of a registered value itself, then masks wherever it appears.
   */
  record Masks(List<SecretValue> texts, List<String> notRegistered, boolean linesWithoutContent) {}

  static List<SecretValue> of(SecretValue value) {
    return masks(value).texts();
  }

  /**
   * The masks of {@code value}, what the runner cannot derive from the value itself first: the value, the
   * leaves of a JSON value, the encoded spellings, the 76- then the 64-column Base64 lines; last its
   * trimmed form and its lines (and those of multi-line leaves), which the runner (2.286.0 and later) also
   * registers itself from each registered value, and which are therefore not reported when left out.
   */
  static Masks masks(SecretValue value) {
    String text = value.reveal();
    if (text.isBlank()) {
      return new Masks(List.of(), List.of(), false);
    }
    Map<String, Set<String>> forms = new LinkedHashMap<>();
    forms.put("value", new LinkedHashSet<>(List.of(text)));
    Set<String> leaves = new LinkedHashSet<>();
    String trimmed = text.trim();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        collectLeaves(JsonTrees.read(trimmed), leaves);
      } catch (Exception notJson) {
        // not JSON: the value and its lines are masked
      }
    }
    forms.put("JSON leaves", informative(leaves));
    Set<String> spellings = new LinkedHashSet<>();
    for (SecretValue spelling : Spellings.of(value, EXTRA_FORMS)) {
      String s = spelling.reveal();
      if (oneLine(s)) {
        spellings.add(s);
      }
    }
    forms.put("URL, JSON, Base64 and shell spellings", spellings);
    for (int width : new int[] {76, 64}) {
      Set<String> lines = new LinkedHashSet<>();
      wrappedBase64Lines(text, width, lines);
      forms.put(width + "-column Base64 lines", lines);
    }
    Set<String> lines = new LinkedHashSet<>();
    if (oneLine(text)) {
      lines.add(text.strip());
    }
    boolean withoutContent = false;
    for (String t : concat(List.of(text), leaves)) {
      if (!oneLine(t)) {
        for (String line : t.split("\r?\n|\r")) {
          lines.add(line.trim());
          withoutContent |= !line.isBlank() && !carriesInformation(line);
        }
      }
    }
    forms.put(RUNNER_LINES, informative(lines));
    return bounded(forms, withoutContent);
  }

  /** What the runner registers itself: each line of a registered value, trimmed. */
  private static final String RUNNER_LINES = "lines";

  /** The first {@value #MAX_MASKS} distinct texts, form by form, and what was left out of each form. */
  private static Masks bounded(Map<String, Set<String>> forms, boolean linesWithoutContent) {
    Set<String> kept = new LinkedHashSet<>();
    List<String> notRegistered = new ArrayList<>();
    forms.forEach((form, texts) -> {
      int all = 0;
      int left = 0;
      for (String t : texts) {
        if (kept.contains(t)) {
          continue;
        }
        all++;
        if (kept.size() < MAX_MASKS) {
          kept.add(t);
        } else {
          left++;
        }
      }
      if (left > 0 && !form.equals(RUNNER_LINES)) {
        notRegistered.add(form + " (" + left + " of " + all + ")");
      }
    });
    List<SecretValue> out = new ArrayList<>(kept.size());
    kept.forEach(t -> out.add(SecretValue.of(t)));
    return new Masks(out, List.copyOf(notRegistered), linesWithoutContent);
  }

  /** The texts worth a mask of their own: at least {@value #MIN_PART} characters and a letter or digit. */
  private static Set<String> informative(Set<String> texts) {
    Set<String> kept = new LinkedHashSet<>();
    for (String t : texts) {
      if (carriesInformation(t)) {
        kept.add(t);
      }
    }
    return kept;
  }

  private static boolean carriesInformation(String t) {
    return t.trim().length() >= MIN_PART && Spellings.carriesInformation(t);
  }

  private static boolean oneLine(String t) {
    return t.indexOf('\n') < 0 && t.indexOf('\r') < 0;
  }

  private static List<String> concat(List<String> a, Set<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
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
