package io.github.infisicalci.action;

import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.mask.Masker;
import java.io.PrintStream;

/**
 * Everything the action prints. Every line goes through the current {@link Masker} (replacement
 * {@code ***}) except {@code ::add-mask::} commands, which must carry the value for the runner. Workflow
 * command data is escaped ({@code %}, CR, LF) so a message can never start a second command.
 */
final class Log {
  private final PrintStream out;
  private volatile Masker masker;
  private int groupDepth;

  Log(PrintStream out, Masker masker) {
    this.out = out;
    this.masker = masker;
  }

  /** Replaces the masker (after more values became known). */
  void useMasker(Masker newMasker) {
    this.masker = newMasker;
  }

  Masker masker() {
    return masker;
  }

  /** Registers a value with the runner's masking. Blank values are never sent. */
  void addMask(SecretValue value) {
    if (value.reveal().isBlank()) {
      return;
    }
    out.print("::add-mask::" + escapeData(value.reveal()) + "\n");
    out.flush();
  }

  void info(String message) {
    for (String line : masker.mask(message).split("\r\n|\r|\n", -1)) {
      out.print(neutralize(line) + "\n");
    }
    out.flush();
  }

  void warning(String message) {
    command("warning", message);
  }

  void error(String message) {
    command("error", message);
  }

  void group(String title) {
    command("group", title);
    groupDepth++;
  }

  void endGroup() {
    if (groupDepth > 0) {
      groupDepth--;
      out.print("::endgroup::\n");
      out.flush();
    }
  }

  /** Closes every open group (before an error is reported, so it shows outside the fold). */
  void endAllGroups() {
    while (groupDepth > 0) {
      endGroup();
    }
  }

  private void command(String name, String message) {
    out.print("::" + name + "::" + escapeData(masker.mask(message)) + "\n");
    out.flush();
  }

  /** Escapes workflow-command data as the runner decodes it. */
  static String escapeData(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /**
   * The runner ends a line at LF, CR or CR LF, reads {@code ::cmd::} as a command when it starts a line
   * (after leading white space) and the legacy {@code ##[cmd]} wherever it appears in a line. So a
   * plain line starting with {@code ::} is prefixed with {@code | }, and every {@code ##[} becomes
   * {@code ## [}.
   */
  private static String neutralize(String line) {
    String safe = line.replace("##[", "## [");
    return safe.stripLeading().startsWith("::") ? "| " + safe : safe;
  }
}
