package io.github.infisicalci.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.mask.Masker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lines the action prints from server- or input-controlled text, read back the way the runner reads a
 * container's output: a line ends at LF, CR or CR LF (.NET {@code StreamReader.ReadLine}); the
 * {@code ::cmd::} form is a command when it starts a line after leading white space; the legacy
 * {@code ##[cmd]} form is a command wherever it appears in a line.
 */
class LogInjectionTest {
  private static final List<String> HOSTILE = List.of(
      "KEY\r::set-output name=evil::1",
      "KEY\r  ::add-mask::x",
      "path /a ##[set-output name=evil]1",
      "##[warning]x",
      "a\r\n::error::x",
      "a\n\r::stop-commands::tok");

  @Test
  void infoLinesNeverStartACommandOnAnyRunnerLine() {
    for (String text : HOSTILE) {
      List<String> lines = runnerLines(print(log -> log.info("collision: " + text + " from /x")));
      for (String line : lines) {
        assertFalse(line.stripLeading().startsWith("::"), () -> "command line from " + text + ": " + line);
        assertFalse(line.contains("##["), () -> "legacy command from " + text + ": " + line);
      }
    }
  }

  @Test
  void annotationsCarryHostileTextAsDataOnly() {
    for (String text : HOSTILE) {
      List<String> lines = runnerLines(print(log -> {
        log.error("Infisical: " + text);
        log.warning("Infisical: " + text);
        log.group("Infisical: " + text);
      }));
      assertEquals(3, lines.size(), () -> "one runner line per command for " + text + ": " + lines);
      assertTrue(lines.get(0).startsWith("::error::") && lines.get(1).startsWith("::warning::")
          && lines.get(2).startsWith("::group::"), lines::toString);
    }
  }

  @Test
  void ordinaryTextIsUnchanged() {
    assertEquals("fetched 3 secret(s) from project demo: a::b\n",
        print(log -> log.info("fetched 3 secret(s) from project demo: a::b")));
  }

  private interface Printing {
    void to(Log log);
  }

  private static String print(Printing printing) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Log log = new Log(new PrintStream(bytes, true, StandardCharsets.UTF_8), Masker.builder().build());
    printing.to(log);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Splits like .NET's ReadLine: LF, CR or CR LF end a line. */
  private static List<String> runnerLines(String output) {
    return output.lines().toList();
  }
}
