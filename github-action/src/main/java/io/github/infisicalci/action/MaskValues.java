package io.github.infisicalci.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.infisicalci.client.SecretValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The texts to register as masks for one secret: the value itself, a one-line value without surrounding
 * white space (a shell prints it so after word splitting), each of its lines when it has
 * several, and the leaves of a JSON object or array value (and each line of a multi-line leaf: the
 * runner masks line by line, so a multi-line mask alone never matches). Never a blank text; lines and leaves
 * shorter than {@value #MIN_PART} characters are left out (a line holding only a brace would mask every brace).
 */
final class MaskValues {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int MIN_PART = 3;

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
        collectLeaves(JSON.readTree(trimmed), texts);
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
    List<SecretValue> out = new ArrayList<>();
    for (String t : texts) {
      if (t.equals(text) || t.trim().length() >= MIN_PART) {
        out.add(SecretValue.of(t));
      }
    }
    return out;
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
