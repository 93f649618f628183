package io.github.infisicalci.action;

import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.mask.Masker;
import io.github.infisicalci.text.Printable;
import java.io.PrintStream;

/**
 * Everything the action prints. Every line goes through the current {@link Masker} (replacement
 * {@code ***}) except {@code ::add-mask::} commands, which must carry the value for the runner.
 *
 * <p>Any message may hold text from the server, the inputs or the workspace, so no message can ever
 * become a workflow command, by construction rather than by a list of cases: {@link #visible} shows
 * every character that is not a letter, mark, number, punctuation, symbol or the ASCII space as
 * {@code <U+XXXX>} (so a message is one runner line, and the ASCII space is the only white space left
 * in it for .NET's {@code TrimStart()}), a line that would then start with a space or {@code :} gets the
 * fixed prefix {@code "| "}, and {@code ##[} becomes {@code ## [}. Command data is escaped the same way
 * plus the runner's {@code %}, CR and LF escapes.
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
    out.print(plainLine(masker.mask(message)) + "\n");
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
    out.print("::" + name + "::" + escapeData(visible(masker.mask(message), true)) + "\n");
    out.flush();
  }

  /** Escapes workflow-command data as the runner decodes it. */
  static String escapeData(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /**
   * {@code text} as one line the runner never reads as a command: see the class comment. The runner ends
   * a line at LF, CR or CR LF, reads {@code ::cmd::} as a command when it starts a line after
   * {@code TrimStart()}, and the legacy {@code ##[cmd]} wherever it appears in a line.
   */
  static String plainLine(String text) {
    String safe = visible(text, false).replace("##[", "## [");
    return safe.startsWith(" ") || safe.startsWith(":") ? "| " + safe : safe;
  }

  /**
   * {@code text} with every code point that is not a letter, mark, number, punctuation, symbol or the
   * ASCII space shown as {@code <U+XXXX>}: controls (CR, LF, NEL, tab...), every Unicode space and
   * line or paragraph separator, format characters (bidi overrides, zero-width), surrogates, private-use
   * and unassigned code points. With {@code keepLineBreaks}, CR and LF stay (for command data, which
   * {@link #escapeData} encodes).
   */
  static String visible(String text, boolean keepLineBreaks) {
    return Printable.line(text, keepLineBreaks);
  }
}
