package io.github.infisicalci.action;

import java.util.List;

/** One or more inputs are invalid; {@link #problems()} names every one. Never holds a secret. */
final class InvalidInputsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  InvalidInputsException(List<String> problems) {
    super(problems.size() + " invalid input(s): " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  List<String> problems() {
    return problems;
  }
}
