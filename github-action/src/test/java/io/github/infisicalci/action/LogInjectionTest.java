package io.github.infisicalci.action;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.infisicalci.mask.Masker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lines the action prints from server- or input-controlled text, read back the way the runner reads a
 * container's output ({@link RunnerCommands}): no such text may ever produce a command of its own.
 */
class LogInjectionTest {
  /** Characters beyond .NET's white space that a reader could take for one (format characters). */
  private static final List<Character> LOOK_ALIKES = List.of('\u180E', '\u200B', '\uFEFF', '\u2060', '\u001C');

  private static List<String> hostileTexts() {
    List<Character> all = new ArrayList<>(RunnerCommands.DOTNET_WHITESPACE);
    all.addAll(LOOK_ALIKES);
    List<String> texts = new ArrayList<>(List.of(
        "KEY\r::set-output name=evil::1",
        "KEY\r  ::add-mask::x",
        "path /a ##[set-output name=evil]1",
        "##[warning]x",
        "a\r\n::error::x",
        "a\n\r::stop-commands::tok",
        "::save-state name=infisical_post::0123"));
    for (char c : all) {
      String ws = String.valueOf(c);
      texts.add(ws + "::set-output name=pwn::1");
      texts.add("/\n" + ws + "::stop-commands::tok");
      texts.add("a\r" + ws + ws + "::save-state name=infisical_file::/github/workspace/x");
      texts.add(ws + "##[set-output name=e]1");
      texts.add(ws + " " + ws + "::warning::forged");
    }
    return texts;
  }

  @Test
  void dotnetWhiteSpaceListIsEveryCharacterOfItsDefinition() {
    for (char c = 0; c < 0xFFFF; c++) {
      int type = Character.getType(c);
      boolean dotnet = (c >= 0x09 && c <= 0x0D) || c == 0x85
          || type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR;
      assertEquals(dotnet, RunnerCommands.dotnetWhiteSpace(c), String.format("U+%04X", (int) c));
    }
  }

  @Test
  void infoLinesNeverBecomeACommandWhateverWhiteSpaceTheyHold() {
    for (String text : hostileTexts()) {
      String out = print(log -> {
        log.info(text);
        log.info("collision: " + text + " from /x");
        log.info(text + " <- KEY  (dev:" + text + ")");
      });
      assertEquals(List.of(), RunnerCommands.names(out), () -> "commands from " + escape(text) + ": " + out);
      assertEquals(3, RunnerCommands.lines(out).size() - 1, () -> "one runner line per message: " + out);
    }
  }

  @Test
  void annotationsCarryHostileTextAsDataOnly() {
    for (String text : hostileTexts()) {
      String out = print(log -> {
        log.error("Infisical: " + text);
        log.warning(text);
        log.group(text);
      });
      assertEquals(List.of("error", "warning", "group"), RunnerCommands.names(out),
          () -> "commands from " + escape(text) + ": " + out);
    }
  }

  @Test
  void invisibleCharactersAreShownEscapedAndOrdinaryTextIsUnchanged() {
    assertEquals("fetched 3 secret(s) from project demo: a::b é 日本\n",
        print(log -> log.info("fetched 3 secret(s) from project demo: a::b é 日本")));
    assertEquals("<U+00A0>::set-output name=x::1\n",
        print(log -> log.info("\u00a0::set-output name=x::1")));
    assertEquals("| ::x\n", print(log -> log.info("::x")));
    assertEquals("<U+0009>::x\n", print(log -> log.info("\t::x")));
    assertEquals("a<U+000A>b<U+202E>c\n", print(log -> log.info("a\nb\u202Ec")));
    assertEquals("::warning::a%0Ab<U+00A0>\n", print(log -> log.warning("a\nb\u00a0")));
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

  private static String escape(String text) {
    StringBuilder b = new StringBuilder();
    text.chars().forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return b.toString();
  }
}
