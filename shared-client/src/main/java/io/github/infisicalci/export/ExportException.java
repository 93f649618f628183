package io.github.infisicalci.export;

import java.util.List;

/**
 * One or more export rules were broken. {@link #problems()} lists every problem found (not just the
 * first), each one sentence naming the key, name, line or file involved; the message joins them. No
 * problem text ever contains a secret value.
 */
public class ExportException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ExportException(List<String> problems) {
    super(String.join("; ", problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an ExportException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in the order found. */
  public List<String> problems() {
    return problems;
  }
}
