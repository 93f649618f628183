package io.github.infisicalci.action;

import io.github.infisicalci.text.Printable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every problem with the inputs, each prefixed with the input it is about, so that one run
 * names all of them at once; {@link #throwIfAny} is called once, by {@link ActionSettings#parse}.
 */
final class InputProblems {
  private final List<String> list = new ArrayList<>();

  void add(String input, String problem) {
    list.add("input '" + input + "': " + problem);
  }

  /** A boolean input ({@code true}/{@code false} in the runner's three spellings); the default when invalid. */
  boolean bool(Inputs in, String input) {
    String v = in.get(input);
    switch (v) {
      case "true", "True", "TRUE" -> {
        return true;
      }
      case "false", "False", "FALSE" -> {
        return false;
      }
      default -> {
        add(input, "'" + printable(v) + "' is not a boolean; use true or false");
        return Boolean.parseBoolean(Inputs.DEFAULTS.get(input));
      }
    }
  }

  /** The parsed value, or {@code null} with the parser's message recorded under {@code input}. */
  <T> T attempt(String input, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      add(input, e.getMessage());
      return null;
    }
  }

  int size() {
    return list.size();
  }

  void throwIfAny() {
    if (!list.isEmpty()) {
      throw new InvalidInputsException(list);
    }
  }

  /** {@code s} for quoting an input in a message ({@link Printable#quote}). */
  static String printable(String s) {
    return Printable.quote(s);
  }

  static boolean present(java.util.Map<String, String> env, String name) {
    String v = env.get(name);
    return v != null && !v.isBlank();
  }

  static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a.trim();
    }
    return b == null || b.isBlank() ? null : b.trim();
  }
}
